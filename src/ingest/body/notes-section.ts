import type { SourceLine } from '../source-lines.js';
import { isBlank, noteLine, notesHeading } from './line-patterns.js';

export interface NoteDraft {
  n: string;
  lines: SourceLine[];
}

export interface NotesSection {
  heading?: SourceLine;
  noteType: 'footnote' | 'translator';
  notes: NoteDraft[];
}

/**
 * Splits the notes section off the end of the body: from a "Notes"/"Translator's Notes" heading,
 * or, without one, the trailing run of "[1] …" lines. Lines without a marker continue the note above.
 */
export function splitNotes(lines: readonly SourceLine[]): { body: SourceLine[]; section?: NotesSection } {
  // A notes heading counts only when a numbered note follows it ("Notes" can also head a section of prose).
  const headingAt = lines.findIndex((l, i) => notesHeading(l.text) !== undefined && firstNoteFollows(lines, i));
  if (headingAt >= 0) {
    const heading = lines[headingAt]!;
    return {
      body: lines.slice(0, headingAt),
      section: { heading, noteType: notesHeading(heading.text)!, notes: groupNotes(lines.slice(headingAt + 1)) },
    };
  }
  const start = trailingNotesStart(lines);
  if (start >= lines.length || start === 0) return { body: lines.slice() };
  return { body: lines.slice(0, start), section: { noteType: 'footnote', notes: groupNotes(lines.slice(start)) } };
}

const SQUARE_NOTE = /^\s*\[\d{1,3}\]\s/;

/**
 * Start of a run of "[n] …" lines ending the body, where every other line continues the note
 * right above it (no blank line between); lines.length when there is none.
 */
function trailingNotesStart(lines: readonly SourceLine[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (!SQUARE_NOTE.test(lines[i]!.text)) continue;
    let ok = true;
    for (let k = i + 1; k < lines.length && ok; k++) {
      const text = lines[k]!.text;
      ok = isBlank(text) || SQUARE_NOTE.test(text) || !isBlank(lines[k - 1]!.text);
    }
    if (ok) return i;
  }
  return lines.length;
}

function firstNoteFollows(lines: readonly SourceLine[], at: number): boolean {
  const next = lines.slice(at + 1).find((l) => !isBlank(l.text));
  return next !== undefined && noteLine(next.text) !== undefined;
}

function groupNotes(lines: readonly SourceLine[]): NoteDraft[] {
  const notes: NoteDraft[] = [];
  for (const line of lines) {
    if (isBlank(line.text)) continue;
    const marker = noteLine(line.text);
    const last = notes[notes.length - 1];
    if (marker || !last) notes.push({ n: marker?.n ?? String(notes.length + 1), lines: [line] });
    else last.lines.push(line);
  }
  return notes;
}
