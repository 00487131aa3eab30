import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { parseXmlTree } from '../../src/tei/xml/parse-xml.js';
import { childElements, walkElements, type XElement } from '../../src/tei/xml/xml-tree.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { encodeTei } from '../../src/tei/index.js';
import { sampleCable } from './fixtures/sample-cable.js';

export const WHEN = { when: '2026-01-02T03:04:05Z' };

/** The sample cable's TEI: valid, and without any diagnostic. */
export function sampleTei(): string {
  return encodeTei(sampleCable(), DEFAULT_CONFIG, WHEN);
}

/** Replaces exactly one occurrence; a test that edits nothing would prove nothing. */
export function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at === -1) throw new Error(`not in the document: ${from}`);
  if (xml.indexOf(from, at + 1) !== -1) throw new Error(`more than once in the document: ${from}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(xml: string, needle: string): number {
  const at = xml.indexOf(needle);
  if (at === -1) throw new Error(`not in the document: ${needle}`);
  return xml.slice(0, at).split('\n').length;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** The TEI as an element tree (for structural assertions). */
export function teiTree(xml: string): XElement {
  const root = parseXmlTree(xml, new DiagnosticBag());
  if (!root) throw new Error('not XML');
  return root;
}

/** Elements reached by a path of child names ("*" any child). */
export function select(from: XElement, path: string): XElement[] {
  let current = [from];
  for (const step of path.split('/')) current = current.flatMap((e) => childElements(e).filter((c) => step === '*' || c.name === step));
  return current;
}

export function descendants(from: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  walkElements(from, (e) => {
    if (e !== from && e.name === name) out.push(e);
  });
  return out;
}
