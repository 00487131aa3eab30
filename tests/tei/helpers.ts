import { DEFAULT_CONFIG } from '../../src/config/config.js';
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
