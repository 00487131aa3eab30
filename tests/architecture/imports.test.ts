import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Walks the imports of src/ (static and dynamic, type-only included) and checks the layering. */
const SRC = resolve(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level folder under src/ of a file ('iiif' for src/iiif/validate/x.ts; '' for src/version.ts). */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0]! : '';
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Edge {
  from: string;
  to: string;
  file: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec === undefined || !spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC + sep)) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) out.push({ from, to, file: relative(SRC, file) });
    }
  }
  return out;
}

/** Formats and the core below them: none may reach up into the pipeline or the I/O edges. */
const LOW = ['model', 'ingest', 'tei', 'iiif', 'dc', 'cmif', 'names', 'oai', 'discovery', 'stage', 'edition', 'text', 'diagnostics', 'config'];
const HIGH = ['pipeline', 'cli', 'server', 'bench'];

describe('import layering of src/', () => {
  const all = edges();

  it('finds imports at all (the walker works)', () => {
    expect(all.some((e) => e.from === 'iiif' && e.to === 'stage')).toBe(true);
    expect(all.some((e) => e.from === 'pipeline' && e.to === 'iiif')).toBe(true);
  });

  it('no format or core folder imports the pipeline or an I/O edge', () => {
    const bad = all.filter((e) => LOW.includes(e.from) && HIGH.includes(e.to)).map((e) => `${e.file} → src/${e.to}`);
    expect(bad).toEqual([]);
  });

  it('the stage contract and the edition layout import nothing but the core', () => {
    const allowed = ['config', 'diagnostics', 'model', 'edition', 'stage', ''];
    const bad = all.filter((e) => (e.from === 'stage' || e.from === 'edition' || e.from === 'text') && !allowed.includes(e.to)).map((e) => `${e.file} → src/${e.to}`);
    expect(bad).toEqual([]);
  });

  it('has no import cycle between top-level folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      if (!graph.has(e.from)) graph.set(e.from, new Set());
      graph.get(e.from)!.add(e.to);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of [...graph.keys()].sort()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
