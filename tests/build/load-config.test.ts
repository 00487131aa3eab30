import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load-config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cablekit-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string): string => {
  const path = join(dir, 'cablekit.config.json');
  writeFileSync(path, text);
  return path;
};

describe('loadConfig', () => {
  it('accepts the sample config of the repository', () => {
    const loaded = loadConfig(join(process.cwd(), 'cablekit.config.json'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config?.sourcesDir).toBe(join(process.cwd(), 'sources'));
  });

  it('fills missing keys from the defaults and resolves folders against the config file', () => {
    const path = write('{ "teiDir": "edition/tei", "oai": { "adminEmail": "a@b.org" } }');
    const loaded = loadConfig(path, '/somewhere/else');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.rootDir).toBe(dir);
    expect(loaded.config).toMatchObject({
      sourcesDir: join(dir, 'sources'),
      teiDir: join(dir, 'edition/tei'),
      baseUrl: DEFAULT_CONFIG.baseUrl,
      oai: { adminEmail: 'a@b.org', repositoryIdentifier: DEFAULT_CONFIG.oai.repositoryIdentifier },
    });
  });

  it('names the file, the unknown key and its line', () => {
    const path = write('{\n  "teiDir": "tei",\n  "outputDri": "out"\n}');
    const { config, diagnostics } = loadConfig(path);
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'config/unknown-key', severity: 'error', file: path, line: 3, column: 3, message: expect.stringContaining('"outputDri"') }),
    ]);
  });

  it('names the key with a bad value', () => {
    const path = write('{ "baseUrl": "not a url/", "oai": { "adminEmail": 42 } }');
    const messages = loadConfig(path).diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('"baseUrl"'))).toBe(true);
    expect(messages.some((m) => m.includes('"oai.adminEmail"') && m.includes('string'))).toBe(true);
  });

  it('reports broken JSON and a missing file asked for', () => {
    expect(loadConfig(write('{ "teiDir": ')).diagnostics[0]?.code).toBe('config/invalid-json');
    expect(loadConfig(join(dir, 'nope.json')).diagnostics[0]?.code).toBe('config/not-found');
  });

  it('uses the defaults when there is no config file in the folder', () => {
    const loaded = loadConfig(undefined, dir);
    expect(loaded.config?.teiDir).toBe(join(dir, 'tei'));
    expect(loaded.diagnostics.map((d) => d.severity)).toEqual(['info']);
  });

  it('refuses folders that overlap', () => {
    const path = write('{\n  "teiDir": "edition",\n  "outputDir": "edition/out"\n}');
    const { config, diagnostics } = loadConfig(path);
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'config/overlapping-folders', line: 3, message: expect.stringContaining('"teiDir" and "outputDir"') }),
    ]);
  });
});
