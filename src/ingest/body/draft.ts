import type { Block } from '../../model/blocks.js';
import type { DateOrigin } from '../../model/dates.js';
import type { Inline } from '../../model/inline.js';

export interface InlineOptions {
  /** Where dates in this text come from; 'text' by default. */
  origin?: DateOrigin;
  /** False inside the notes themselves, whose own markers are not references. */
  noteRefs?: boolean;
}

/** Builds inline segments for a piece of text once every entity of the cable is known. */
export type InlineBuilder = (text: string, line: number, options?: InlineOptions) => Inline[];

/**
 * A block whose structure is decided but whose inline content waits for the second pass:
 * mentions need the entities named anywhere in the cable, even further down (the signer).
 */
export type Draft = (inline: InlineBuilder) => Block;
