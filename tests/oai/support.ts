import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecodedCable } from '../../src/stage/index.js';
import { DC_SCHEMA_DIR, validateWithXsd } from '../../src/dc/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Cable } from '../../src/model/index.js';
import { OFFICIAL_DIR } from '../support/official-schemas.js';


/** A stand-in TEI file for a cable (the OAI layer only serves its bytes). */
export function teiFor(cable: Cable, note = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="${cable.id}"><teiHeader><fileDesc><titleStmt><title>${cable.title ?? cable.id}</title></titleStmt>` +
    `<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test${note}</p></sourceDesc></fileDesc></teiHeader>` +
    '<text><body><p>text</p></body></text></TEI>\n'
  );
}

/** A temporary project folder with TEI files for the cables; returns them decoded. */
export function writeProject(root: string, cables: readonly Cable[], notes: Record<string, string> = {}): DecodedCable[] {
  mkdirSync(join(root, 'tei'), { recursive: true });
  return cables.map((cable) => {
    const tei = teiFor(cable, notes[cable.id] ?? '');
    const teiPath = `tei/${cable.id}.xml`;
    writeFileSync(join(root, teiPath), tei);
    return { cable, teiPath, teiSha256: createHash('sha256').update(tei).digest('hex') };
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let bundle: string | undefined;

/**
 * A schema bundle for whole OAI-PMH responses: the official OAI-PMH.xsd and payload schemas from
 * schemas/official, the project's qualified DC schema, and a permissive TEI root (the TEI
 * schema is RELAX NG, checked elsewhere). Written to a temporary folder at test time.
 */
export function responseSchema(): string {
  if (bundle) return bundle;
  const dir = tempDir('cablekit-oai-xsd-');
  writeFileSync(
    join(dir, 'tei-root.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">
  <xs:element name="TEI"><xs:complexType mixed="true"><xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>
</xs:schema>`,
  );
  const imp = (ns: string, path: string): string => `  <xs:import namespace="${ns}" schemaLocation="${path}"/>\n`;
  writeFileSync(
    join(dir, 'bundle.xsd'),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:bundle">\n` +
      imp('http://www.w3.org/XML/1998/namespace', join(OFFICIAL_DIR, 'xml.xsd')) +
      imp('http://www.openarchives.org/OAI/2.0/', join(OFFICIAL_DIR, 'OAI-PMH.xsd')) +
      imp('http://www.openarchives.org/OAI/2.0/oai_dc/', join(OFFICIAL_DIR, 'oai_dc.xsd')) +
      imp('http://purl.org/dc/elements/1.1/', join(OFFICIAL_DIR, 'simpledc20021212.xsd')) +
      imp('http://www.openarchives.org/OAI/2.0/oai-identifier', join(OFFICIAL_DIR, 'oai-identifier.xsd')) +
      imp('http://dspace.org/qualifieddc/', join(DC_SCHEMA_DIR, 'qualified-dc.xsd')) +
      imp('http://www.tei-c.org/ns/1.0', join(dir, 'tei-root.xsd')) +
      '</xs:schema>\n',
  );
  bundle = join(dir, 'bundle.xsd');
  return bundle;
}

/** Problems of a response against the official OAI-PMH schema (and payload schemas). */
export function validateResponse(xml: string): Diagnostic[] {
  return validateWithXsd(xml, responseSchema(), 'oai/invalid-response');
}

export function params(entries: [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [k, v] of entries) map.set(k, [...(map.get(k) ?? []), v]);
  return map;
}

export function errorCodes(xml: string): string[] {
  return [...xml.matchAll(/<error code="([^"]+)"/g)].map((m) => m[1] as string);
}

export function requestElement(xml: string): string {
  return /<request[^>]*>[^<]*<\/request>/.exec(xml)?.[0] ?? '';
}

export function identifiers(xml: string): string[] {
  return [...xml.matchAll(/<identifier>([^<]+)<\/identifier>/g)].map((m) => m[1] as string);
}

export function datestamps(xml: string): string[] {
  return [...xml.matchAll(/<datestamp>([^<]+)<\/datestamp>/g)].map((m) => m[1] as string);
}

export function resumptionToken(xml: string): { token: string; cursor: number; completeListSize: number } | undefined {
  const m = /<resumptionToken completeListSize="(\d+)" cursor="(\d+)"(?:\/>|>([^<]*)<\/resumptionToken>)/.exec(xml);
  return m ? { token: m[3] ?? '', cursor: Number(m[2]), completeListSize: Number(m[1]) } : undefined;
}
