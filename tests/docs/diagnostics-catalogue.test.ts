import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CODE = /['"`]((?:ingest|tei|iiif|dc|oai|build|config|cli|server)\/[a-z0-9-]+)['"`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/diagnostics.md', () => {
  it('lists every diagnostic code the code base can emit', () => {
    const catalogue = readFileSync('docs/diagnostics.md', 'utf8');
    const codes = new Set(sourceFiles('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(CODE)].map((m) => m[1]!)));
    expect(codes.size).toBeGreaterThan(50);
    expect([...codes].filter((code) => !catalogue.includes(`\`${code}\``)).sort()).toEqual([]);
  });
});
