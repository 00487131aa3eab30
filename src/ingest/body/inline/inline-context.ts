import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { DateOrigin, DateValue } from '../../../model/dates.js';
import type { NameMatcher } from './name-matcher.js';

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
  /** Finds mentions of the cable's identified entities; built once per cable, absent when there are none. */
  nameMatcher?: NameMatcher;
}
