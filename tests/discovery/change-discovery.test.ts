import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyChangeLog, nextChangeLog, publishChangeDiscovery } from '../../src/discovery/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { corpus } from '../oai/corpus.js';
import { buildProject, projectConfig } from '../oai/http-support.js';
import { tempDir } from '../oai/support.js';

describe('the change log kept beside the OAI store', () => {
  it('turns datestamps and tombstones into Create, Update and Delete, once each', () => {
    const t1 = '2026-03-01T10:00:00Z';
    const t2 = '2026-03-02T10:00:00Z';
    const t3 = '2026-03-03T10:00:00Z';
    let { log, added } = nextChangeLog(emptyChangeLog(), [
      { id: 'b', datestamp: t1, deleted: false },
      { id: 'a', datestamp: t1, deleted: false },
      { id: 'old', datestamp: t1, deleted: true },
    ]);
    expect(added).toEqual([
      { type: 'Create', id: 'a', endTime: t1 },
      { type: 'Create', id: 'b', endTime: t1 },
      { type: 'Delete', id: 'old', endTime: t1 },
    ]);
    // The same store again: nothing happened.
    expect(nextChangeLog(log, [{ id: 'a', datestamp: t1, deleted: false }]).added).toEqual([]);
    ({ log, added } = nextChangeLog(log, [
      { id: 'a', datestamp: t2, deleted: false },
      { id: 'b', datestamp: t2, deleted: true },
      { id: 'old', datestamp: t1, deleted: true },
    ]));
    expect(added).toEqual([
      { type: 'Update', id: 'a', endTime: t2 },
      { type: 'Delete', id: 'b', endTime: t2 },
    ]);
    ({ added } = nextChangeLog(log, [{ id: 'b', datestamp: t3, deleted: false }]));
    expect(added).toEqual([{ type: 'Create', id: 'b', endTime: t3 }]);
  });
});

interface Ref {
  id: string;
  type: string;
}
interface Page {
  '@context': string;
  id: string;
  type: string;
  prev?: Ref;
  next?: Ref;
  partOf: Ref;
  startIndex: number;
  orderedItems: { type: string; object: Ref; endTime: string }[];
}

describe('IIIF Change Discovery 1.0, written by the build and served', () => {
  const t1 = new Date('2026-01-10T09:00:00Z');
  const t2 = new Date('2026-01-20T09:00:00Z');
  const t3 = new Date('2026-01-30T09:00:00Z');
  const cables = corpus(6);
  let root: string;
  let server: RunningServer;
  const publish = (): ReturnType<typeof publishChangeDiscovery> => publishChangeDiscovery(projectConfig, root, { pageSize: 2 });
  const pageFiles = (): Map<string, string> =>
    new Map(readdirSync(join(root, 'output', 'activity')).map((f) => [f, readFileSync(join(root, 'output', 'activity', f), 'utf8')]));
  let afterSecond: Map<string, string>;

  beforeAll(async () => {
    root = tempDir('cablekit-discovery-');
    await buildProject(root, cables, t1);
    expect((await publish()).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    await buildProject(root, cables.filter((c) => c.id !== 'doc-0003'), t2);
    await publish();
    afterSecond = pageFiles();
    await buildProject(root, cables.filter((c) => c.id !== 'doc-0003'), t3, { 'doc-0001': ' (hand edit)' });
    const third = await publish();
    expect(third.outputs.some((o) => o.path === 'output/activity/all-changes.json')).toBe(true);
    server = await startServer({ config: projectConfig, root, pageSize: 5 });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The public URL of a feed file is on the edition's base URL; the test fetches it from the local server. */
  const local = (url: string): string => url.replace(/^https:\/\/edition\.example\.org/, server.url);

  it('serves an OrderedCollection whose pages are linked both ways and ordered by endTime', async () => {
    const res = await fetch(`${server.url}/activity/all-changes.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json;profile="https://www.w3.org/ns/activitystreams"');
    const collection = (await res.json()) as { type: string; totalItems: number; first: Ref; last: Ref; '@context': string };
    expect(collection['@context']).toBe('http://iiif.io/api/discovery/1/context.json');
    expect(collection.type).toBe('OrderedCollection');
    // 7 Creates, the Delete of doc-0003, the Update of doc-0001.
    expect(collection.totalItems).toBe(9);
    expect(collection.first.id).toBe('https://edition.example.org/activity/page-0.json');
    expect(collection.last.id).toBe('https://edition.example.org/activity/page-4.json');
    let page = (await (await fetch(local(collection.first.id))).json()) as Page;
    const times: string[] = [];
    let count = 0;
    for (;;) {
      expect(page.type).toBe('OrderedCollectionPage');
      expect(page.orderedItems.length).toBeGreaterThan(0);
      expect(page.startIndex).toBe(count);
      count += page.orderedItems.length;
      times.push(...page.orderedItems.map((a) => a.endTime));
      if (!page.next) break;
      const next = (await (await fetch(local(page.next.id))).json()) as Page;
      expect(next.prev?.id).toBe(page.id);
      page = next;
    }
    expect(page.id).toBe(collection.last.id);
    expect(count).toBe(9);
    expect(times).toEqual([...times].sort());
  });

  it('a consumer walking from the last page to the first (the spec’s algorithm) ends with the current corpus', async () => {
    const collection = (await (await fetch(`${server.url}/activity/all-changes.json`)).json()) as { last: Ref };
    const walk = async (since: string): Promise<{ indexed: Map<string, string>; deleted: string[] }> => {
      const processed = new Set<string>();
      const indexed = new Map<string, string>();
      const deleted: string[] = [];
      let next: string | undefined = collection.last.id;
      walking: while (next !== undefined) {
        const page = (await (await fetch(local(next))).json()) as Page;
        for (const activity of [...page.orderedItems].reverse()) {
          if (activity.endTime < since) break walking;
          if (processed.has(activity.object.id)) continue;
          processed.add(activity.object.id);
          if (activity.type === 'Delete') deleted.push(activity.object.id);
          else indexed.set(activity.object.id, activity.type);
        }
        next = page.prev?.id;
      }
      return { indexed, deleted };
    };
    const manifest = (id: string): string => `https://edition.example.org/iiif/${id}/manifest.json`;
    const full = await walk('');
    const live = cables.map((c) => c.id).filter((id) => id !== 'doc-0003');
    expect([...full.indexed.keys()].sort()).toEqual(live.map(manifest).sort());
    // The latest activity wins: the hand-edited document is seen as its Update, the others as Create.
    expect(full.indexed.get(manifest('doc-0001'))).toBe('Update');
    expect(full.indexed.get(manifest('doc-0000'))).toBe('Create');
    expect(full.deleted).toEqual([manifest('doc-0003')]);
    // An incremental crawl since the second build sees only what changed after it.
    const recent = await walk('2026-01-20T09:00:00Z');
    expect([...recent.indexed.keys()]).toEqual([manifest('doc-0001')]);
    expect(recent.deleted).toEqual([manifest('doc-0003')]);
  });

  it('never rewrites a full page: later builds only append', async () => {
    const now = pageFiles();
    // After the second build there were 8 activities in 4 full pages: 0–2 are byte-identical now, and
    // the one that was last only gained its link to the new last page.
    for (const name of ['page-0.json', 'page-1.json', 'page-2.json']) expect(now.get(name), name).toBe(afterSecond.get(name));
    const { next, ...rest } = JSON.parse(now.get('page-3.json') as string) as Page;
    expect(next?.id).toBe('https://edition.example.org/activity/page-4.json');
    expect(JSON.stringify(rest)).toBe(JSON.stringify(JSON.parse(afterSecond.get('page-3.json') as string)));
    expect(now.get('all-changes.json')).not.toBe(afterSecond.get('all-changes.json'));
    // Publishing again with nothing changed writes nothing.
    expect((await publish()).outputs.every((o) => o.action === 'unchanged')).toBe(true);
  });

  it('refuses a change log it does not understand, and writes nothing over it', async () => {
    const dir = tempDir('cablekit-discovery-bad-');
    await buildProject(dir, cables.slice(0, 2), t1);
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, '.cablekit'), { recursive: true });
    writeFileSync(join(dir, '.cablekit', 'change-log.json'), '{"not":"a log"}');
    const result = await publishChangeDiscovery(projectConfig, dir);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['discovery/log-corrupt', 'error']]);
    expect(result.outputs).toEqual([]);
    expect(readFileSync(join(dir, '.cablekit', 'change-log.json'), 'utf8')).toBe('{"not":"a log"}');
  });
});
