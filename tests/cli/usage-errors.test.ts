import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli } from './cli-harness.js';

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cablekit-usage-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('cablekit usage errors exit 2 with a clear message and no stack trace', { timeout: 120_000 }, () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['build', '--no-such-option'], /unknown option '--no-such-option'/],
    [['ingest'], /missing required argument 'paths'/],
    [['ingest', 'does-not-exist.txt'], /no such file or folder: does-not-exist\.txt/],
    [['build', '--config', 'missing.json'], /config file "missing\.json" does not exist/],
    [['serve', '--port', 'eighty'], /--port must be a number/],
  ])('cablekit %j', (args, message) => {
    const result = runCli(args, dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    noStackTrace(result.stderr);
  });

  it('prints help and the version with exit 0', () => {
    expect(runCli(['--help'], dir)).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: cablekit') });
    expect(runCli(['--version'], dir)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('names the file, line and key of a bad config setting', () => {
    const config = join(dir, 'bad.config.json');
    writeFileSync(config, '{\n  "sourcesDir": "sources",\n  "baseUrl": 5,\n  "colectionName": "typo"\n}\n');
    const result = runCli(['build', '--config', config, '--no-progress'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${config}:3:3 error config/invalid-value key "baseUrl" must be string`);
    expect(result.stderr).toContain(`${config}:4:3 error config/unknown-key unknown key "colectionName"`);
    noStackTrace(result.stderr);
  });

  it('refuses a config file that is not UTF-8 (with the byte\'s place), and one too large to be a config before reading it', () => {
    const config = join(dir, 'latin1.json');
    writeFileSync(config, Buffer.concat([Buffer.from('{\n  "sourcesDir": "sources'), Buffer.from([0xff]), Buffer.from('"\n}\n')]));
    const bad = runCli(['build', '--config', config, '--no-progress'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${config}:2:25 error config/invalid-utf8 the config file is not valid UTF-8: byte 0xff at offset 26`);
    noStackTrace(bad.stderr);

    const huge = join(dir, 'huge.json');
    writeFileSync(huge, `{"title": "${'a'.repeat(2 * 1024 * 1024)}"}`);
    const big = runCli(['build', '--config', huge, '--no-progress'], dir);
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/config\/too-large the config file is 2097165 bytes/);
    noStackTrace(big.stderr);
  });

  it('reports a config file that is not JSON', () => {
    const config = join(dir, 'broken.json');
    writeFileSync(config, '{ "teiDir": ');
    const result = runCli(['build', '--config', config], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('config/invalid-json');
    noStackTrace(result.stderr);
  });
});
