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
  const headingAt = lines.findIndex((l) => notesHeading(l.text) !== undefined);
  if (headingAt >= 0 && lines.slice(headingAt + 1).some((l) => !isBlank(l.text))) {
    const heading = lines[headingAt]!;
    return {
      body: lines.slice(0, headingAt),
      section: { heading, noteType: notesHeading(heading.text)!, notes: groupNotes(lines.slice(headingAt + 1)) },
    };
  }
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (isBlank(text)) continue;
    if (!/^\s*\[\d{1,3}\]\s/.test(text)) break;
    start = i;
  }
  if (start >= lines.length || start === 0) return { body: lines.slice() };
  return { body: lines.slice(0, start), section: { noteType: 'footnote', notes: groupNotes(lines.slice(start)) } };
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
