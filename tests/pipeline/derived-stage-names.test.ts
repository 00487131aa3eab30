import { describe, expect, it } from 'vitest';
import { DERIVED_STAGE_NAMES } from '../../src/pipeline/derived-stage-names.js';
import { derivedStages } from '../../src/pipeline/derived-stages.js';

/** The document key hashes the stage names; packaging takes them from the list that does not load the stages. */
describe('the derived stages\' names without the stages', () => {
  it('are the stages\' names, in their order', () => {
    expect(DERIVED_STAGE_NAMES).toEqual(derivedStages.map((s) => s.name));
  });
});
