import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireProgram } from './programs.js';

/** The vendored official schemas (see schemas/official/README.md). */
export const OFFICIAL_DIR = fileURLToPath(new URL('../../schemas/official/', import.meta.url));

export function officialSchema(name: string): string {
  return join(OFFICIAL_DIR, name);
}

/** Problems xmllint (Debian libxml2-utils, an independent validator) finds; [] when the file is valid. */
export function xmllintProblems(schemaName: string, xmlPath: string): string[] {
  requireProgram('xmllint', 'libxml2-utils');
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', officialSchema(schemaName), xmlPath], { encoding: 'utf8' });
  if (run.status === 0) return [];
  return run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.endsWith(' fails to validate'));
}

/**
 * A qualified DC record re-wrapped in the no-namespace <qualifieddc> root of qdc-container.xsd,
 * keeping the root's namespace declarations (xsi:type values name schemes by prefix).
 */
export function rewrapQdc(xml: string): string {
  const start = /<([\w.-]+:)?([\w.-]+)((?:\s+[^>]*?)?)>/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ''));
  if (!start) throw new Error('no root element');
  const decls = [...(start[3] ?? '').matchAll(/\sxmlns(?::[\w.-]+)?="[^"]*"/g)].map((m) => m[0]).join('');
  const body = xml.slice(xml.indexOf(start[0]) + start[0].length, xml.lastIndexOf('</'));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<qualifieddc${decls}>${body}</qualifieddc>\n`;
}

/** xmllint over a qualified DC record against the official DCMI terms schema. */
export function qdcProblems(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cablekit-qdc-'));
  try {
    const path = join(dir, 'record.xml');
    writeFileSync(path, rewrapQdc(xml));
    return xmllintProblems('qdc-container.xsd', path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
