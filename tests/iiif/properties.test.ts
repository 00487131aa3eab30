import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cable } from '../../src/model/cable.js';
import { deriveIiifFiles } from '../../src/iiif/index.js';
import { readPlaceAuthority } from '../../src/pipeline/index.js';
import { jiaoRuoyuCable, testConfig } from './cable-fixtures.js';
import { officialErrors } from './official-schema.js';
import { text as textOf } from './output-text.js';

const { authority } = readPlaceAuthority();

/** Text as hand-edited TEI may hold it: any Unicode, markup-like strings, blanks. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '  ', '<Untitled>', '<script>alert(1)</script>', '<p onclick="x()">hi</p>', 'A & B <c>', '“quoted” — dash'),
);
const isoish = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('1965', '1965-12', '1965-02-30', '1965-13-01', 'not a date', '1965-10-29T17:00:00'),
);
const pageNumber = fc.oneof(fc.integer({ min: 0, max: 2000 }).map(String), fc.constantFrom('iv', '12a', ''));

const cableArbitrary = fc
  .record({
    title: fc.option(text, { nil: undefined }),
    summary: fc.option(text, { nil: undefined }),
    documentType: fc.option(text, { nil: undefined }),
    archive: fc.option(text, { nil: undefined }),
    when: fc.option(isoish, { nil: undefined }),
    verbatim: text,
    pages: fc.option(fc.record({ from: pageNumber, to: fc.option(pageNumber, { nil: undefined }) }), { nil: undefined }),
    urls: fc.array(fc.oneof(text, fc.webUrl(), fc.constantFrom('https://example.org/a b', 'https://例え.jp/文書')), { maxLength: 3 }),
    funders: fc.array(text, { maxLength: 2 }),
    translators: fc.array(text, { maxLength: 2 }),
    places: fc.array(fc.oneof(text, fc.constantFrom('Pyongyang', 'PEKING', 'Seoul', 'Hanoi')), { maxLength: 3 }),
    paragraph: text,
  })
  .map(({ title, summary, documentType, archive, when, verbatim, pages, urls, funders, translators, places, paragraph }, ): Cable => ({
    ...jiaoRuoyuCable(),
    title,
    summary,
    documentType,
    catalogueDate: { verbatim, origin: 'catalogue', ...(when !== undefined ? { when } : {}) },
    archiveReferences: [
      {
        verbatim: `${archive ?? ''} ${pages?.from ?? ''}`,
        ...(archive !== undefined ? { archive } : {}),
        units: [],
        ...(pages ? { pages: { verbatim: `${pages.from}-${pages.to ?? ''}`, from: pages.from, ...(pages.to !== undefined ? { to: pages.to } : {}) } } : {}),
      },
    ],
    urls,
    funders,
    contributors: translators.map((name) => ({ role: 'translator' as const, name })),
    entities: places.map((name, i) => ({ id: `place-${i}`, kind: 'place' as const, name, aliases: [] })),
    body: [{ kind: 'paragraph', content: [{ kind: 'text', text: paragraph }] }],
  }));

describe('any cable the TEI can hold', () => {
  it('gives manifests and collections that pass cablekit’s validation and the official schema', () => {
    fc.assert(
      fc.property(fc.array(cableArbitrary, { minLength: 1, maxLength: 3 }), (cables) => {
        const unique = cables.map((c, i) => ({ ...c, id: `doc-${i}` }));
        const { files, diagnostics } = deriveIiifFiles(unique, { config: testConfig(), places: authority, pageImages: new Map() });
        expect(diagnostics).toEqual([]);
        for (const file of files.filter((f) => f.path.endsWith('.json'))) expect(officialErrors(JSON.parse(textOf(file)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
