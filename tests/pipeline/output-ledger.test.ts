import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/fs/index.js';
import { parseLedger, serializeLedger } from '../../src/pipeline/output-ledger.js';

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

describe('the outputs ledger (sha256sum lines)', () => {
  it('reads back every entry it writes, whatever the path holds (line feeds, backslashes, any character)', () => {
    const path = fc.string({ unit: fc.oneof(fc.constantFrom('\n', '\r', '\\', ' ', '*', '/'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.dictionary(path, hex64, { maxKeys: 40 }), (entries) => {
        const map = new Map(Object.entries(entries));
        expect(parseLedger(serializeLedger(map))).toEqual(map);
      }),
      { numRuns: 300 },
    );
  });

  it('is sorted by path, so the same outputs always give the same bytes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), hex64, { maxKeys: 20 }), (entries) => {
        const forwards = new Map(Object.entries(entries));
        const backwards = new Map([...forwards].reverse());
        expect(serializeLedger(backwards)).toBe(serializeLedger(forwards));
      }),
    );
  });

  it('is not taken when a line is not a sha256sum line', () => {
    expect(parseLedger('{ "a.html": "00" }\n')).toBeUndefined();
    expect(parseLedger(`${'0'.repeat(63)}  a.html\n`)).toBeUndefined();
    expect(parseLedger('')).toEqual(new Map());
  });

  it('is what coreutils sha256sum -c checks the output folder against, odd names included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cablekit-ledger-'));
    try {
      const files = new Map<string, string>([
        ['site/documents/a.html', '<p>a</p>'],
        ['dc/b back\\slash.xml', '<dc/>'],
        ['iiif/c/line\nfeed.json', '{}'],
        ['iiif/d/ünïcödé.json', '[]'],
      ]);
      const ledger = new Map<string, string>();
      for (const [path, content] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
        ledger.set(path, sha256Hex(content));
      }
      writeFileSync(join(dir, 'ledger.sha256'), serializeLedger(ledger));
      const ok = execFileSync('sha256sum', ['-c', 'ledger.sha256'], { cwd: dir, encoding: 'utf8' });
      expect(ok.trim().split('\n')).toHaveLength(files.size);
      writeFileSync(join(dir, 'site/documents/a.html'), '<p>changed</p>');
      const failed = spawnSync('sha256sum', ['-c', '--quiet', 'ledger.sha256'], { cwd: dir, encoding: 'utf8' });
      expect(failed.status).toBe(1);
      expect(failed.stdout).toBe('site/documents/a.html: FAILED\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
