/**
 * One hostile page through ingest → TEI → validate → decode → every derived format, and the
 * invariants it must keep. Returns findings (broken promises) instead of throwing, so the long run
 * can count them; the short run in `npm test` asserts there are none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_CONFIG } from '../../../src/config/config.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { validateDc } from '../../../src/dc/index.js';
import { validateIiif } from '../../../src/iiif/index.js';
import { ingestBytes } from '../../../src/ingest/index.js';
import { derivedStages, deriveInMemory } from '../../../src/pipeline/index.js';
import { decodeTei, encodeTei, rejectionOfEncoding, validateTei } from '../../../src/tei/index.js';
import type { HostilePage } from './hostile-pages.js';

const CATALOGUE = new Set(
  [...readFileSync(join(import.meta.dirname, '../../../docs/diagnostics.md'), 'utf8').matchAll(/`([a-z]+\/[a-z0-9-]+)`/g)].map((m) => m[1]!),
);
const SEVERITIES = new Set(['error', 'warning', 'info']);
/** A V8 stack frame, or a JavaScript error's own name leaking into a message. */
const STACK = /\n\s+at |\bat \S+ \(.*:\d+:\d+\)|TypeError|RangeError|ReferenceError|Maximum call stack/;
/** Characters XML 1.0 cannot hold. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const WHEN = { when: '2026-01-01T00:00:00Z' };
const FILE = 'sources/fuzz.txt';

export interface Finding {
  page: string;
  what: string;
}

function checkDiagnostics(diagnostics: readonly Diagnostic[], where: string, out: string[]): void {
  for (const d of diagnostics) {
    if (typeof d.code !== 'string' || !CATALOGUE.has(d.code)) out.push(`${where}: diagnostic code "${d.code}" is not in docs/diagnostics.md`);
    if (!SEVERITIES.has(d.severity)) out.push(`${where}: diagnostic ${d.code} has severity "${d.severity}"`);
    if (typeof d.message !== 'string' || d.message.trim() === '') out.push(`${where}: diagnostic ${d.code} has no message`);
    else if (STACK.test(d.message)) out.push(`${where}: diagnostic ${d.code} shows an internal error: ${d.message.slice(0, 200)}`);
  }
}

/** Every promise the pipeline makes about one page; [] when all hold. */
export function checkPage(page: HostilePage): string[] {
  const problems: string[] = [];
  try {
    const ingested = ingestBytes(page.bytes, FILE);
    checkDiagnostics(ingested.diagnostics, 'ingest', problems);
    const cable = ingested.cable;
    if (cable === undefined) {
      if (!ingested.diagnostics.some((d) => d.severity === 'error' && d.file === FILE)) problems.push('no model and no error diagnostic naming the page');
      return problems;
    }
    const xml = encodeTei(cable, DEFAULT_CONFIG, WHEN);
    const rejection = rejectionOfEncoding(xml, 'tei/fuzz.xml');
    checkDiagnostics(rejection, 'encode', problems);
    // The build writes the TEI only when the guard accepts it: then it must be valid and round-trip.
    if (rejection.length > 0) {
      if (!rejection.some((d) => d.severity === 'error')) problems.push('TEI held back without an error diagnostic');
      return problems;
    }
    if (XML_ILLEGAL.test(xml)) problems.push('TEI holds a character XML cannot hold');
    const validation = validateTei(xml, 'tei/fuzz.xml');
    checkDiagnostics(validation, 'validate', problems);
    const invalid = validation.filter((d) => d.severity === 'error');
    if (invalid.length > 0) problems.push(`written TEI is rejected by validate: ${invalid.map((d) => `${d.code} ${d.message}`).join('; ').slice(0, 300)}`);
    const decoded = decodeTei(xml, 'tei/fuzz.xml');
    checkDiagnostics(decoded.diagnostics, 'decode', problems);
    if (decoded.cable === undefined) {
      problems.push('written TEI does not decode');
      return problems;
    }
    // Deep equality, not JSON text: the decoder may build an object's keys in another order.
    if (!isDeepStrictEqual(decoded.cable.body, cable.body)) problems.push('the decoded body differs from the ingested one (reading text changed)');
    const docs = [{ cable: decoded.cable, teiPath: 'tei/fuzz.xml', teiSha256: '0'.repeat(64), ...(decoded.encodedWhen !== undefined ? { encodedWhen: decoded.encodedWhen } : {}) }];
    for (const stage of derivedStages) {
      const result = deriveInMemory(stage, docs, DEFAULT_CONFIG);
      checkDiagnostics(result.diagnostics, `stage ${stage.name}`, problems);
      // A stage that refuses its own output (cmif/invalid, dc/invalid-…) has made something it should not.
      const refused = result.diagnostics.filter((d) => d.severity === 'error' && /\/invalid/.test(d.code));
      if (refused.length > 0) problems.push(`stage ${stage.name}: ${refused.map((d) => `${d.code} ${d.message}`).join('; ').slice(0, 300)}`);
      for (const file of result.files) {
        const content = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
        const where = `${stage.name} ${file.path}`;
        if (file.path.endsWith('.json')) {
          let json: unknown;
          try {
            json = JSON.parse(content);
          } catch {
            problems.push(`${where}: not JSON`);
            continue;
          }
          if (file.path.startsWith('iiif/')) {
            const errors = validateIiif(json, file.path).filter((d) => d.severity === 'error');
            if (errors.length > 0) problems.push(`${where}: ${errors.map((d) => d.code).join(', ')}`);
          }
        } else if (/\.(oai_dc|qdc)\.xml$/.test(file.path)) {
          const errors = validateDc(content, file.path.endsWith('.qdc.xml') ? 'qdc' : 'oai_dc', file.path).filter((d) => d.severity === 'error');
          if (errors.length > 0) problems.push(`${where}: ${errors.map((d) => `${d.code} ${d.message}`).join('; ').slice(0, 300)}`);
        } else if (/\.(xml|html)$/.test(file.path) && XML_ILLEGAL.test(content)) {
          problems.push(`${where}: holds a character XML cannot hold`);
        }
      }
    }
  } catch (error) {
    problems.push(`threw: ${error instanceof Error ? `${error.message}\n${error.stack ?? ''}`.slice(0, 600) : String(error)}`);
  }
  return problems;
}
