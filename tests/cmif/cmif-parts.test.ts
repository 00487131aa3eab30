import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCmif, writeCmif, type CmifLetter, type CmifSettings } from '../../src/cmif/index.js';

const settings: CmifSettings = {
  title: 'An edition: correspondence metadata',
  editor: 'An editor',
  email: 'editor@example.org',
  publisher: 'A publisher',
  publisherUrl: 'https://example.org/',
  fileUrl: 'https://example.org/cmif.xml',
  editionTitle: 'An edition',
  editionUrl: 'https://example.org/',
};

// Mostly values the schema accepts, now and then one it rejects, so that some letters are invalid.
const sometimes = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
const text = sometimes(fc.constantFrom('Kim Il Sung', 'Unknown', 'Zhou Enlai', 'Ministry of Foreign Affairs', 'A & B <c>'), fc.constantFrom('', ' '));
const uri = sometimes(fc.constantFrom('http://viaf.org/viaf/108235077', 'https://d-nb.info/gnd/118562126'), fc.constantFrom('not a uri', ''));
const party = fc.record({ kind: fc.constantFrom('person' as const, 'org' as const), name: text, refs: fc.array(uri, { maxLength: 2 }), conjecture: fc.boolean() });
const day = sometimes(fc.constantFrom('1965', '1965-12', '1965-12-25'), fc.constantFrom('1965-12-25T10:00:00', '25 December 1965', ''));
const date = fc.oneof(fc.record({ when: day }), fc.record({ notBefore: day, notAfter: day }, { requiredKeys: [] }));
const place = fc.record({ name: text, ref: fc.option(sometimes(fc.constant('http://www.geonames.org/1816670'), fc.constant('https://www.geonames.org/1816670')), { nil: undefined }), conjecture: fc.boolean() });
const letter: fc.Arbitrary<CmifLetter> = fc.record(
  {
    id: sometimes(fc.constantFrom('doc-a', 'doc-b'), fc.constant('')),
    url: sometimes(fc.constant('https://example.org/site/documents/doc-a.html'), fc.constant('')),
    sent: fc.array(party, { maxLength: 2 }),
    received: fc.array(party, { maxLength: 2 }),
    sentDate: date,
    sentFrom: place,
    receivedAt: place,
  },
  { requiredKeys: ['id', 'url', 'sent', 'received'] },
);

describe('the CMIF file checked in parts (cmif-stage.ts)', () => {
  it('is valid whole exactly when each of its letters is valid in a file of its own', () => {
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 5 }), (letters) => {
        const whole = validateCmif(writeCmif(letters, settings, '2026-01-01T00:00:00Z')).length === 0;
        const parts = letters.every((l) => validateCmif(writeCmif([l], settings, '2000-01-01T00:00:00Z')).length === 0);
        expect(whole).toBe(parts);
      }),
      { numRuns: 400 },
    );
  });

  it('finds invalid letters among the generated ones, so the property is not about valid files only', () => {
    const samples = fc.sample(letter, { numRuns: 200, seed: 7 });
    const valid = samples.filter((l) => validateCmif(writeCmif([l], settings, '2000-01-01T00:00:00Z')).length === 0).length;
    expect(valid).toBeGreaterThan(20);
    expect(valid).toBeLessThan(180);
  });
});
