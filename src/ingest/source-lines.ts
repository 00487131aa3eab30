import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { AgentRef, Entity, Layout } from '../model/cable.js';
import type { Block } from '../model/blocks.js';
import type { DateValue } from '../model/dates.js';

/** One line of the source file: text without its line terminator, 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/** What the page-level ingest knows when it hands the body's lines to the body parser. */
export interface BodyContext {
  bag: DiagnosticBag;
  title?: string;
  catalogueDate?: DateValue;
  /** The page layout: on a flat mirror every line is a block of its own (single newlines separate blocks). */
  layout?: Layout;
}

/** What the body parser returns: the blocks, and the people, bodies and places it found in them. */
export interface BodyResult {
  blocks: Block[];
  entities: Entity[];
  senders: AgentRef[];
  addressees: AgentRef[];
  participants: AgentRef[];
}
