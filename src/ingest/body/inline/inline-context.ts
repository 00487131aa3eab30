import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { DateOrigin, DateValue } from '../../../model/dates.js';
import type { Entity } from '../../../model/cable.js';

/** What the inline parser needs to know about the rest of the cable. */
export interface InlineContext {
  bag: DiagnosticBag;
  /** Source line of the text being parsed, for diagnostics. */
  line?: number;
  /** Markers of the notes the cable has: a bare or glued number is a note reference only when its note exists. */
  noteNumbers: ReadonlySet<string>;
  /** Note id by marker, for NoteRefSegment.target. */
  noteIds: ReadonlyMap<string, string>;
  /** Where dates of this text come from, and the date to borrow a missing year from. */
  dateOrigin: DateOrigin;
  reference?: DateValue;
  /** Names of identified entities to mark as mentions, longest first. */
  names: ReadonlyArray<{ text: string; entity: Entity }>;
  /** Compiled once per cable from `names`. */
  namePattern?: RegExp;
}

/** One regex matching any identified name as a whole word (Unicode letters count as word characters). */
export function compileNamePattern(names: ReadonlyArray<{ text: string }>): RegExp | undefined {
  if (names.length === 0) return undefined;
  const alternatives = names.map((n) => n.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}
