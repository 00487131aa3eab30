import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { bookkeepingFiles, editionUrls, publicBase } from '../edition/layout.js';
import { toPortableRelative, writeFileAtomic, writeIfChanged, type WriteOutcome } from '../fs/index.js';
import { openStore, type OaiStore } from '../oai/index.js';
import { emptyChangeLog, nextChangeLog, type ChangeLog, type StoreEntry } from './activity-log.js';
import { changeDiscoveryFiles, DEFAULT_ACTIVITY_PAGE_SIZE } from './change-discovery.js';

export interface PublishOptions {
  pageSize?: number;
}

/**
 * Every record's id, datestamp and tombstone flag, read page by page in the store's own order:
 * headers only (`page` without a format), not the whole records `list` decodes — that read every
 * record's Dublin Core on every build (0.8 s at 10,000 documents).
 */
async function storeEntries(store: OaiStore): Promise<StoreEntry[]> {
  const entries: StoreEntry[] = [];
  let after: { datestamp: string; id: string } | undefined;
  for (;;) {
    const page = await store.page({}, after, 1000);
    for (const r of page) entries.push({ id: r.id, datestamp: r.datestamp, deleted: r.deleted === true });
    const last = page[page.length - 1];
    if (!last || page.length < 1000) return entries;
    after = { datestamp: last.datestamp, id: last.id };
  }
}

function isChangeLog(value: unknown): value is ChangeLog {
  const v = value as Partial<ChangeLog> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === 'cablekit-change-log' &&
    v.version === 1 &&
    Array.isArray(v.activities) &&
    v.activities.every(
      (a) => (a.type === 'Create' || a.type === 'Update' || a.type === 'Delete') && typeof a.id === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(String(a.endTime)),
    )
  );
}

function readChangeLog(path: string): { log?: ChangeLog; diagnostic?: Diagnostic } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { log: emptyChangeLog() };
    return { diagnostic: { code: 'discovery/log-unreadable', severity: 'error', message: `cannot read the change log: ${(e as Error).message}`, file: path } };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isChangeLog(parsed)) return { log: parsed };
  } catch {
    // Reported below, like a file of the wrong shape.
  }
  return {
    diagnostic: {
      code: 'discovery/log-corrupt',
      severity: 'error',
      message: 'the IIIF Change Discovery log is not a cablekit change log (version 1); the feed was not updated',
      hint: 'restore it from a backup; deleting it restarts the history (every document becomes one Create or Delete)',
      file: path,
    },
  };
}

/**
 * After the OAI store sync: appends this build's Create/Update/Delete activities to the change log
 * (`.cablekit/change-log.json`, atomically) and writes the IIIF Change Discovery 1.0 feed to
 * `<outputDir>/activity/` (only files whose content changed). Reads the store only through its
 * records' id, datestamp and tombstone flag.
 */
export async function publishChangeDiscovery(
  config: Pick<CablekitConfig, 'baseUrl' | 'outputDir' | 'oai'>,
  rootDir: string,
  options: PublishOptions = {},
): Promise<{ outputs: { path: string; action: WriteOutcome | 'failed' }[]; diagnostics: Diagnostic[] }> {
  const files = bookkeepingFiles(config.outputDir, rootDir);
  const read = readChangeLog(files.changeLog);
  if (!read.log) return { outputs: [], diagnostics: read.diagnostic ? [read.diagnostic] : [] };
  const opened = await openStore(rootDir, config);
  let entries: StoreEntry[];
  try {
    if (!opened.store) throw new Error(opened.diagnostics.map((d) => d.message).join('; ') || 'no store');
    entries = await storeEntries(opened.store);
  } catch (e) {
    return {
      outputs: [],
      diagnostics: [{ code: 'discovery/store-unreadable', severity: 'warning', message: `the OAI store could not be read, so the IIIF Change Discovery feed was not updated: ${(e as Error).message}` }],
    };
  } finally {
    await opened.store?.close();
  }
  const { log, added } = nextChangeLog(read.log, entries);
  const diagnostics: Diagnostic[] = [];
  const outputs: { path: string; action: WriteOutcome | 'failed' }[] = [];
  try {
    if (added.length > 0) {
      mkdirSync(dirname(files.changeLog), { recursive: true });
      writeFileAtomic(files.changeLog, JSON.stringify(log) + '\n');
    }
  } catch (e) {
    diagnostics.push({ code: 'discovery/log-unwritable', severity: 'error', message: `cannot write the change log: ${(e as Error).message}`, file: files.changeLog });
    return { outputs, diagnostics };
  }
  const urls = editionUrls(config.baseUrl);
  const feed = changeDiscoveryFiles(log, { base: publicBase(config.baseUrl), manifestUrl: urls.manifest, pageSize: options.pageSize ?? DEFAULT_ACTIVITY_PAGE_SIZE });
  for (const file of feed) {
    const full = resolve(rootDir, config.outputDir, file.path);
    const path = toPortableRelative(rootDir, full);
    try {
      mkdirSync(dirname(full), { recursive: true });
      outputs.push({ path, action: writeIfChanged(full, file.content) });
    } catch (e) {
      outputs.push({ path, action: 'failed' });
      diagnostics.push({ code: 'discovery/write-failed', severity: 'error', message: `could not write ${path}: ${(e as Error).message}`, file: path });
    }
  }
  diagnostics.push({
    code: 'discovery/published',
    severity: 'info',
    message: `IIIF Change Discovery: ${added.length} new activit${added.length === 1 ? 'y' : 'ies'}, ${log.activities.length} in ${Math.max(0, feed.length - 1)} page(s)`,
  });
  return { outputs, diagnostics };
}
