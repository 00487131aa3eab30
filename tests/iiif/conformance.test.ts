import { describe, expect, it } from 'vitest';
import { normalize, serialize, serializeConfigPresentation3 } from '@iiif/parser';
import { deriveIiifFiles, stableJson, validateIiif } from '../../src/iiif/index.js';
import { readPlaceAuthority } from '../../src/pipeline/index.js';
import { conversationCable, jiaoRuoyuCable, testConfig } from './cable-fixtures.js';
import { officialErrors } from './official-schema.js';
import { text } from './output-text.js';

const { authority } = readPlaceAuthority();
const { files, diagnostics } = deriveIiifFiles([jiaoRuoyuCable(), conversationCable()], {
  config: testConfig(),
  places: authority,
  pageImages: new Map(),
});

/** Normalise with @iiif/parser and serialise back to Presentation 3, as a IIIF client would. */
function roundTrip(json: { id: string; type: string }): unknown {
  const store = normalize(json);
  return serialize({ ...store, requests: {} }, { id: json.id, type: json.type }, serializeConfigPresentation3);
}

describe('every manifest and collection the stage writes', () => {
  it('was validated clean by the stage itself', () => {
    expect(diagnostics).toEqual([]);
  });

  for (const file of files.filter((f) => f.path.endsWith('.json'))) {
    describe(file.path, () => {
      const json = JSON.parse(text(file)) as { id: string; type: string };

      it('passes cablekit’s validation', () => {
        expect(validateIiif(json, file.path)).toEqual([]);
      });

      it('passes the official IIIF Presentation 3 schema', () => {
        expect(officialErrors(json)).toEqual([]);
      });

      it('still validates after a round trip through @iiif/parser', () => {
        const back = roundTrip(json) as { id: string; type: string };
        expect(back.id).toBe(json.id);
        expect(officialErrors(back)).toEqual([]);
        expect(validateIiif(back, file.path)).toEqual([]);
        // Nothing is lost or reshaped: the parser gives back the very same document.
        expect(stableJson(back)).toBe(file.content);
      });
    });
  }
});
