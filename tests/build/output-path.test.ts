import { describe, expect, it } from 'vitest';
import { documentIdOfOutput, resolveOutputPath } from '../../src/pipeline/index.js';

describe('documentIdOfOutput', () => {
  const ids = new Set(['wilson-118686', 'prc.fma.1']);
  it.each([
    ['iiif/wilson-118686/manifest.json', 'wilson-118686'],
    ['dc/wilson-118686.oai_dc.xml', 'wilson-118686'],
    ['dc/wilson-118686.qdc.xml', 'wilson-118686'],
    ['dc/prc.fma.1.qdc.xml', 'prc.fma.1'],
    ['iiif/collection.json', undefined],
    ['iiif/collections/year-1965.json', undefined],
  ])('%s → %s', (path, expected) => {
    expect(documentIdOfOutput(path, ids)).toBe(expected);
  });
});

describe('resolveOutputPath', () => {
  it('keeps paths inside the output folder and refuses the rest', () => {
    expect(resolveOutputPath('/ed/output', 'iiif/a/manifest.json')).toBe('/ed/output/iiif/a/manifest.json');
    for (const bad of ['../tei/a.xml', '/etc/passwd', '', 'a/../../x', 'a\0b']) expect(resolveOutputPath('/ed/output', bad)).toBeUndefined();
  });
});
