import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toOaiDc, toQualifiedDc, validateDc } from '../../src/dc/index.js';
import { minimalCable, testConfig } from './sample-cables.js';

/** Any text, including control characters, markup, lone surrogates and whitespace-only strings. */
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('', '   ', '\u0000', '<&>"\'', '\ud800', '\n\t'));

describe('DC records of any cable (property)', () => {
  it('are always valid against the project schemas, whatever the text fields hold', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: fc.option(anyText, { nil: undefined }),
          summary: fc.option(anyText, { nil: undefined }),
          documentType: fc.option(anyText, { nil: undefined }),
          citation: fc.option(anyText, { nil: undefined }),
          rights: fc.array(anyText, { maxLength: 3 }),
          names: fc.array(anyText, { maxLength: 3 }),
          urls: fc.array(fc.oneof(fc.webUrl(), anyText), { maxLength: 3 }),
          reference: fc.option(anyText, { nil: undefined }),
          when: fc.option(fc.oneof(fc.constantFrom('1965', '1965-12', '1965-12-15', '1965-10-29T17:00', '1965-13-45'), anyText), { nil: undefined }),
        }),
        (f) => {
          const cable = minimalCable();
          if (f.title !== undefined) cable.title = f.title;
          if (f.summary !== undefined) cable.summary = f.summary;
          if (f.documentType !== undefined) cable.documentType = f.documentType;
          if (f.citation !== undefined) cable.citation = f.citation;
          cable.rights = f.rights;
          cable.urls = f.urls;
          cable.contributors = f.names.map((name) => ({ role: 'translator', name }));
          if (f.reference !== undefined) cable.archiveReferences = [{ verbatim: f.reference, units: [] }];
          if (f.when !== undefined) cable.catalogueDate = { verbatim: f.when, when: f.when, origin: 'catalogue' };
          expect(validateDc(toOaiDc(cable, testConfig), 'oai_dc')).toEqual([]);
          expect(validateDc(toQualifiedDc(cable, testConfig), 'qdc')).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
