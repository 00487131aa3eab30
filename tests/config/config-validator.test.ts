import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the config check compiled ahead (src/config/config-validator.generated.ts)', () => {
  it('rejects what the schema rejects, naming the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cablekit-config-check-'));
    writeFileSync(join(dir, 'cablekit.config.json'), '{\n  "sourcesDir": "sources",\n  "baseUrl": 42,\n  "notAKey": true\n}\n');
    const loaded = loadConfig(undefined, dir);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message).join('\n')).toMatch(/baseUrl/);
    expect(errors.map((d) => d.message).join('\n')).toMatch(/notAKey/);
    expect(loaded.config).toBeUndefined();
    writeFileSync(join(dir, 'cablekit.config.json'), '{ "baseUrl": "https://example.org/edition" }\n');
    expect(loadConfig(undefined, dir).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
