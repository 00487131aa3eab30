import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { Cable } from '../src/model/cable.js';

/** What encoding and validating a list of cables gives: the documents and the diagnostic counts. */
export interface TeiBenchShare {
  documents: string[];
  errors: number;
  warnings: number;
}

export function encodeAndValidate(
  cables: readonly Cable[],
  encode: (cable: Cable) => string,
  validate: (xml: string) => Diagnostic[],
): TeiBenchShare {
  const share: TeiBenchShare = { documents: [], errors: 0, warnings: 0 };
  for (const cable of cables) {
    const xml = encode(cable);
    for (const d of validate(xml)) {
      if (d.severity === 'error') share.errors++;
      else if (d.severity === 'warning') share.warnings++;
    }
    share.documents.push(xml);
  }
  return share;
}
