import type { VisitedObject } from './json-walk.js';

/** One problem found by a lint rule, at a JSON pointer into the document. */
export interface LintFinding {
  code: string;
  message: string;
  pointer: string;
  hint?: string;
}

/** A check the JSON Schema cannot express; gets every object of the document, parents first. */
export type LintRule = (objects: readonly VisitedObject[]) => LintFinding[];
