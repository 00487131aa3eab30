import type { SourceLine } from '../source-lines.js';
import { isBlank } from './line-kinds.js';

/** A block of the page: a run of non-blank lines (current site) or one line (flat mirror). */
export interface Unit {
  lines: SourceLine[];
  /** Lines joined by "\n", each without trailing whitespace. */
  text: string;
  line: number;
}

function unitOf(lines: SourceLine[]): Unit {
  // One line (every unit of lineUnits, so every line of the text): trim() alone gives the same text.
  const text = lines.length === 1 ? lines[0]!.text.trim() : lines.map((l) => l.text.trimEnd()).join('\n').trim();
  return { lines, text, line: lines[0]!.line };
}

/** Runs of non-blank lines, separated by one or more blank lines. */
export function paragraphs(lines: readonly SourceLine[]): Unit[] {
  const out: Unit[] = [];
  let run: SourceLine[] = [];
  for (const l of lines) {
    if (isBlank(l.text)) {
      if (run.length > 0) out.push(unitOf(run));
      run = [];
    } else run.push(l);
  }
  if (run.length > 0) out.push(unitOf(run));
  return out;
}

/** Every non-blank line as its own unit. */
export function lineUnits(lines: readonly SourceLine[]): Unit[] {
  return lines.filter((l) => !isBlank(l.text)).map((l) => unitOf([l]));
}

/** The source lines from the first line of `from` up to (not including) the first line of `to`. */
export function linesBetween(all: readonly SourceLine[], from: Unit | undefined, to: Unit | undefined): SourceLine[] {
  // Lines are numbered from 1 without gaps, so a line's index is its number minus one.
  const start = from ? from.line - 1 : 0;
  const end = to ? to.line - 1 : all.length;
  return all.slice(start, end);
}
