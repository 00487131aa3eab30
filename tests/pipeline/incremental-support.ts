import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_CONFIG, type CablekitConfig } from '../../src/config/config.js';
import { runBuild, type BuildDeps, type BuildReport } from '../../src/pipeline/index.js';
import type { DerivedStage } from '../../src/stage/index.js';
import { fakeDeps, listingStage } from '../build/fake-deps.js';

/** A stage whose document files and corpus file depend on the content and on a setting. */
export const titlesStage: DerivedStage<{ id: string; title: string }> = {
  name: 'titles',
  document({ cable }, { layout }) {
    return {
      files: [{ path: `titles/${cable.id}.json`, content: JSON.stringify({ id: cable.id, title: cable.title, url: layout.urls.manifest(cable.id) }) }],
      diagnostics: cable.title?.includes('WARN') ? [{ code: 'titles/warn', severity: 'warning', message: 'a warning', file: cable.id }] : [],
      summary: { id: cable.id, title: cable.title ?? '' },
    };
  },
  corpus(summaries) {
    const byInitial = new Map<string, string[]>();
    for (const s of summaries) byInitial.set(s.title.slice(0, 1) || '_', [...(byInitial.get(s.title.slice(0, 1) || '_') ?? []), s.id]);
    return {
      files: [...byInitial].map(([initial, ids]) => ({ path: `titles/by-initial/${initial.charCodeAt(0)}.txt`, content: ids.join('\n') })),
      diagnostics: [],
    };
  },
};

/** Paths of the keyed corpus files the initials stage rendered (cleared by the tests that read it). */
export const renderedParts: string[] = [];

/** A stage of keyed corpus parts: a file per initial of the titles, and an index of the initials. */
export const initialsStage: DerivedStage<{ id: string; title: string }> = {
  name: 'initials',
  document({ cable }) {
    return { files: [], diagnostics: [], summary: { id: cable.id, title: cable.title ?? '' } };
  },
  corpusParts(summaries, { config }) {
    const byInitial = new Map<string, { id: string; title: string }[]>();
    for (const s of summaries) {
      const initial = (s.title.slice(0, 1) || '_').charCodeAt(0).toString();
      byInitial.set(initial, [...(byInitial.get(initial) ?? []), s]);
    }
    const part = (path: string, key: unknown, content: () => string) => ({
      path,
      key: JSON.stringify(key),
      render: () => {
        renderedParts.push(path);
        // A finding of checking one file (as a validator gives): reported again while the file is kept.
        const diagnostics = path === 'initials/67.txt' ? [{ code: 'initials/checked', severity: 'warning' as const, message: 'the C file was checked' }] : [];
        return { content: content(), diagnostics };
      },
    });
    return {
      parts: [
        // The publisher is a setting: the pipeline keys it apart, so it is left out of the key but shown.
        part('initials/index.txt', [...byInitial.keys()], () => `${config.publisher}\n${[...byInitial.keys()].join('\n')}\n`),
        ...[...byInitial].map(([initial, docs]) => part(`initials/${initial}.txt`, docs, () => docs.map((d) => `${d.id} ${d.title}`).join('\n') + '\n')),
      ],
      diagnostics: [],
    };
  },
};

/** How often each piece of per-document work ran: what an incremental build must not redo. */
export interface WorkCounts {
  ingest: string[];
  encode: string[];
  validate: string[];
  derive: string[];
}

/** Fake format modules that count their calls; the TEI carries the publisher setting. */
export function countingDeps(counts: WorkCounts): BuildDeps {
  const base = fakeDeps();
  const counted = <S>(stage: DerivedStage<S>): DerivedStage<S> => ({
    ...stage,
    document(doc, ctx) {
      if (stage.name === 'listing') counts.derive.push(doc.cable.id);
      return stage.document(doc, ctx);
    },
  });
  return {
    ...base,
    ingest(bytes, path) {
      counts.ingest.push(path);
      return base.ingest(bytes, path);
    },
    encodeTei(cable, settings, options) {
      counts.encode.push(cable.id);
      return base.encodeTei(cable, settings, options).replace('</TEI>', `  <publisher>${settings.publisher}</publisher>\n</TEI>`);
    },
    validateTei(xml, file) {
      counts.validate.push(file ?? '');
      return xml.includes('<broken/>') ? [{ code: 'tei/schema', severity: 'error', message: 'broken', line: 2, ...(file ? { file } : {}) }] : [];
    },
    stages: [counted(listingStage), counted(titlesStage) as DerivedStage, initialsStage as DerivedStage],
  };
}

export const noCounts = (): WorkCounts => ({ ingest: [], encode: [], validate: [], derive: [] });

export interface Edition {
  root: string;
  config: CablekitConfig;
  build(options?: { deps?: BuildDeps; tool?: string; config?: Partial<CablekitConfig> }): Promise<BuildReport>;
  page(name: string, text: string): void;
  remove(name: string): void;
  dispose(): void;
}

export function makeEdition(prefix = 'cablekit-inc-'): Edition {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const config: CablekitConfig = { ...DEFAULT_CONFIG, sourcesDir: join(root, 'sources'), teiDir: join(root, 'tei'), outputDir: join(root, 'output') };
  mkdirSync(config.sourcesDir);
  return {
    root,
    config,
    build: (options = {}) =>
      runBuild({
        config: { ...config, ...options.config },
        rootDir: root,
        deps: options.deps ?? countingDeps(noCounts()),
        now: '2026-01-01T00:00:00Z',
        toolFingerprint: options.tool ?? 'tool-1',
      }),
    page: (name, text) => {
      mkdirSync(dirname(join(config.sourcesDir, name)), { recursive: true });
      writeFileSync(join(config.sourcesDir, name), text);
    },
    remove: (name) => rmSync(join(config.sourcesDir, name)),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every file (dotfiles included) under the given folders of `root`, with its bytes. */
export function treeBytes(root: string, folders: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.set(relative(root, full), readFileSync(full).toString('base64'));
    }
  };
  for (const folder of folders) visit(join(root, folder));
  return out;
}
