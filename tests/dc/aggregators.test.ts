import { describe, expect, it } from 'vitest';
import { deriveInMemory } from '../../src/pipeline/index.js';
import { classifyRightsUri, dcStage, rightsUriFindings, toOaiDc, toQualifiedDc } from '../../src/dc/index.js';
import { qdcProblems } from '../support/official-schemas.js';
import { cable118686, testConfig } from './sample-cables.js';

describe('what aggregators receive', () => {
  const cable = cable118686();

  it('puts the citation in dcterms:bibliographicCitation and never in dc:identifier', () => {
    const oaiDc = toOaiDc(cable, testConfig);
    const qdc = toQualifiedDc(cable, testConfig);
    const identifiers = [...oaiDc.matchAll(/<dc:identifier>([^<]*)<\/dc:identifier>/g)].map((m) => m[1]);
    expect(identifiers.length).toBeGreaterThan(0);
    for (const id of identifiers) expect(id).toMatch(/^https?:\/\/\S+$/);
    expect(oaiDc).not.toContain('Translated by Charles Kraus');
    expect(qdc).toContain('<dcterms:bibliographicCitation xml:lang="en">&quot;Cable from'.replace('&quot;', '"'));
  });

  it("writes qualified DC in DSpace's qdc container, which passes the official DCMI terms schema", () => {
    const qdc = toQualifiedDc(cable, testConfig);
    expect(qdc).toMatch(/<qdc:qualifieddc xmlns:qdc="http:\/\/dspace\.org\/qualifieddc\/" xmlns:dcterms="http:\/\/purl\.org\/dc\/terms\/"/);
    expect(qdcProblems(qdc)).toEqual([]);
  });

  it('tells RightsStatements.org, Creative Commons and other rights URIs apart, with Europeana’s subset', () => {
    expect(classifyRightsUri('http://rightsstatements.org/vocab/InC-EDU/1.0/')).toEqual({ family: 'rightsstatements.org', europeana: true });
    expect(classifyRightsUri('http://rightsstatements.org/vocab/UND/1.0/')).toEqual({ family: 'rightsstatements.org', europeana: false });
    expect(classifyRightsUri('http://rightsstatements.org/vocab/NoC-US/1.0/')).toEqual({ family: 'rightsstatements.org', europeana: false });
    expect(classifyRightsUri('http://creativecommons.org/licenses/by-nc-sa/4.0/')).toEqual({ family: 'creativecommons.org', europeana: true });
    expect(classifyRightsUri('http://creativecommons.org/licenses/by/3.0/de/')).toEqual({ family: 'creativecommons.org', europeana: true });
    expect(classifyRightsUri('http://creativecommons.org/publicdomain/mark/1.0/')).toEqual({ family: 'creativecommons.org', europeana: true });
    expect(classifyRightsUri('http://creativecommons.org/publicdomain/zero/1.0/')).toEqual({ family: 'creativecommons.org', europeana: true });
    expect(classifyRightsUri('http://rightsstatements.org/vocab/Made-Up/1.0/')).toEqual({ europeana: false });
    expect(classifyRightsUri('https://creativecommons.org/licenses/by/4.0/')).toEqual({ europeana: false });
    expect(classifyRightsUri('https://example.org/terms')).toEqual({ europeana: false });
  });

  it('warns about a rights URI aggregators cannot map, and says why', () => {
    expect(rightsUriFindings('http://creativecommons.org/licenses/by/4.0/')).toEqual([]);
    const und = rightsUriFindings('http://rightsstatements.org/vocab/UND/1.0/', 'cablekit.config.json');
    expect(und.map((d) => [d.code, d.severity, d.file])).toEqual([['dc/rights-uri-not-europeana', 'warning', 'cablekit.config.json']]);
    const https = rightsUriFindings('https://rightsstatements.org/vocab/InC/1.0/');
    expect(https.map((d) => d.code)).toEqual(['dc/rights-uri-unrecognised']);
    expect(https[0]?.hint).toContain('http://');
    expect(rightsUriFindings('').map((d) => d.code)).toEqual(['dc/rights-uri-missing']);
  });

  it('keeps a scrape artefact in the rights text and reports it as a warning', () => {
    const scraped = { ...cable, rights: ['For permission contact the program at [email protected].'] };
    const result = deriveInMemory(dcStage, [{ cable: scraped, teiPath: 'tei/doc-118686.xml', teiSha256: '0'.repeat(64) }], {
      ...testConfig,
      rightsUri: 'http://creativecommons.org/licenses/by/4.0/',
    });
    const artefacts = result.diagnostics.filter((d) => d.code === 'dc/scrape-artefact');
    expect(artefacts.map((d) => d.severity)).toEqual(['warning']);
    expect(artefacts[0]?.message).toContain('rights');
    const oaiDc = String(result.files.find((f) => f.path.endsWith('.oai_dc.xml'))?.content);
    expect(oaiDc).toContain('at [email protected].');
    // A clean record under a recognised licence gives no warnings at all.
    const clean = deriveInMemory(dcStage, [{ cable, teiPath: 'tei/doc-118686.xml', teiSha256: '0'.repeat(64) }], {
      ...testConfig,
      rightsUri: 'http://creativecommons.org/licenses/by/4.0/',
    });
    expect(clean.diagnostics).toEqual([]);
  });
});
