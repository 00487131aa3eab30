import { describe, expect, it } from 'vitest';
import type { Cable } from '../../src/model/cable.js';
import { validateCable } from '../../src/model/validate-cable.js';
import { SEEDS, cableOf, codes, fixtureNames, ingestFixture, ingestSeed } from './helpers.js';

function all(): Cable[] {
  return [...SEEDS.map((s) => cableOf(ingestSeed(s))), ...fixtureNames().map((f) => cableOf(ingestFixture(f)))];
}

describe('cable JSON schema', () => {
  it('accepts the model of every fixture and seed', () => {
    for (const c of all()) expect(validateCable(c, c.source.path), c.source.path).toEqual([]);
  });

  it('ingest reports no model-invalid error for any page', () => {
    for (const f of fixtureNames()) expect(codes(ingestFixture(f).diagnostics), f).not.toContain('ingest/model-invalid');
  });

  const base = (): Cable => structuredClone(cableOf(ingestSeed(SEEDS[0]!)));
  const broken: [string, (c: Cable) => unknown][] = [
    ['missing id', (c) => ({ ...c, id: undefined })],
    ['id that is no NCName', (c) => ({ ...c, id: '118686' })],
    ['unknown idSource', (c) => ({ ...c, idSource: 'random' })],
    ['unknown property', (c) => ({ ...c, colour: 'red' })],
    ['bad sha256', (c) => ({ ...c, source: { ...c.source, sha256: 'xyz' } })],
    ['unknown layout', (c) => ({ ...c, source: { ...c.source, layout: 'pdf' } })],
    ['date without verbatim', (c) => ({ ...c, catalogueDate: { origin: 'catalogue', when: '1965' } })],
    ['unknown block kind', (c) => ({ ...c, body: [{ kind: 'poem', content: [] }] })],
    ['gap block with a bad reason', (c) => ({ ...c, body: [{ kind: 'gap', text: '', reason: 'lost' }] })],
    ['inline segment without text', (c) => ({ ...c, body: [{ kind: 'paragraph', content: [{ kind: 'text' }] }] })],
    ['unknown contributor role', (c) => ({ ...c, contributors: [{ role: 'editor', name: 'A' }] })],
    ['funders not strings', (c) => ({ ...c, funders: [1] })],
    ['archive reference without units', (c) => ({ ...c, archiveReferences: [{ verbatim: 'X' }] })],
    ['language code in capitals', (c) => ({ ...c, originalLanguage: { label: 'Chinese', code: 'ZH' } })],
  ];
  it.each(broken)('rejects: %s', (_name, breakIt) => {
    const ds = validateCable(breakIt(base()), 'x.txt');
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.code === 'ingest/model-invalid' && d.severity === 'error' && d.file === 'x.txt')).toBe(true);
  });
});

describe('cable JSON schema against generated cables', () => {
  it('accepts every cable the shared model arbitrary generates (every block and inline kind)', async () => {
    const fc = (await import('fast-check')).default;
    const { cableArbitrary } = await import('../support/arbitraries.js');
    fc.assert(
      fc.property(cableArbitrary, (cable) => {
        expect(validateCable(cable)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
