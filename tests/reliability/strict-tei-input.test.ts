import { mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli } from '../cli/cli-harness.js';
import { decodeTei, validateTei } from '../../src/tei/index.js';
import { sampleTei } from '../tei/helpers.js';

function lineOf(output: string, code: string): string {
  const line = output.split('\n').find((l) => l.includes(code));
  if (!line) throw new Error(`no ${code} in: ${output}`);
  return line;
}

describe('cablekit validate reads TEI strictly as UTF-8 and refuses huge files unread', () => {
  let dir: string;
  beforeAll(() => {
    assertCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cablekit-strict-'));
  });

  it('invalid UTF-8 is an error with its line and column, not U+FFFD and a pass', () => {
    const xml = Buffer.from(sampleTei(), 'utf8');
    const at = xml.indexOf(Buffer.from('The ambassador reports'));
    xml[at + 4] = 0xff; // "The \xFFmbassador"
    writeFileSync(join(dir, 'bad-utf8.xml'), xml);
    const r = runCli(['validate', 'bad-utf8.xml'], dir);
    expect(r.status).toBe(1);
    const before = xml.subarray(0, at + 4).toString('utf8').split('\n');
    expect(lineOf(r.stderr, 'tei/invalid-utf8')).toContain(`bad-utf8.xml:${before.length}:${before.at(-1)!.length + 1} error tei/invalid-utf8`);
  });

  it('a real UTF-16 file (with its byte order mark) is reported as UTF-16, not as too deep', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sampleTei().replace('UTF-8', 'UTF-16'), 'utf16le')]);
    writeFileSync(join(dir, 'utf16le.xml'), le);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(join(dir, 'utf16be.xml'), be);
    const r = runCli(['validate', 'utf16le.xml', 'utf16be.xml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/utf16le\.xml:1:1 error tei\/not-utf8 .*UTF-16 \(little-endian\)/);
    expect(r.stderr).toMatch(/utf16be\.xml:1:1 error tei\/not-utf8 .*UTF-16 \(big-endian\)/);
    expect(r.stderr).not.toContain('too-deep');
  });

  it('a file past the size limit is refused from its size: a sparse 200 MB file is never read', () => {
    const fd = openSync(join(dir, 'huge.xml'), 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const r = runCli(['validate', 'huge.xml'], dir);
    expect(r.status).toBe(1);
    expect(lineOf(r.stderr, 'tei/too-large')).toContain('209715200 bytes');
  });
});

describe('only UTF-8 TEI is accepted (validate and decode)', () => {
  for (const encoding of ['UTF-16', 'EBCDIC-US', 'ISO-8859-1', 'x-no-such-encoding']) {
    it(`an XML declaration with encoding="${encoding}" is a clear error`, () => {
      const xml = sampleTei().replace('encoding="UTF-8"', `encoding="${encoding}"`);
      for (const diagnostics of [validateTei(xml, 'a.xml'), decodeTei(xml, 'a.xml').diagnostics]) {
        expect(diagnostics).toEqual([expect.objectContaining({ code: 'tei/not-utf8', severity: 'error', line: 1 })]);
        expect(diagnostics[0]!.message).toContain(encoding);
      }
      expect(decodeTei(xml).cable).toBeUndefined();
    });
  }

  it('UTF-8 declared in any spelling, or not declared, is accepted', () => {
    for (const xml of [sampleTei().replace('UTF-8', 'utf-8'), sampleTei().replace('UTF-8', 'utf8'), sampleTei().replace(' encoding="UTF-8"', '')]) {
      expect(validateTei(xml).filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('a hand-edited character reference to a character XML cannot hold is refused by decode too', () => {
    const xml = sampleTei().replace('The ambassador reports', 'The &#1;ambassador reports');
    expect(decodeTei(xml).cable).toBeUndefined();
    expect(validateTei(xml).some((d) => d.code === 'tei/not-well-formed')).toBe(true);
  });
});
