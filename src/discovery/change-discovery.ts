import type { OutputFile } from '../stage/index.js';
import type { ChangeLog, LoggedActivity } from './activity-log.js';

/** The JSON-LD context of IIIF Change Discovery 1.0 (Activity Streams 2.0 underneath). */
export const DISCOVERY_CONTEXT = 'http://iiif.io/api/discovery/1/context.json';
/** Where the feed lives in the output folder: `activity/all-changes.json` and `activity/page-<n>.json`. */
export const ACTIVITY_DIR = 'activity';
export const DEFAULT_ACTIVITY_PAGE_SIZE = 100;

export interface DiscoverySettings {
  /** The edition's public base URL, without a trailing slash. */
  base: string;
  manifestUrl(id: string): string;
  pageSize: number;
}

const ref = (id: string, type: string): { id: string; type: string } => ({ id, type });
const pageUrl = (s: DiscoverySettings, n: number): string => `${s.base}/${ACTIVITY_DIR}/page-${n}.json`;
const collectionUrl = (s: DiscoverySettings): string => `${s.base}/${ACTIVITY_DIR}/all-changes.json`;

function activityJson(a: LoggedActivity, s: DiscoverySettings): Record<string, unknown> {
  return { type: a.type, object: ref(s.manifestUrl(a.id), 'Manifest'), endTime: a.endTime };
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/**
 * The Change Discovery feed of the log: one OrderedCollection and its OrderedCollectionPages, oldest
 * first, each page linked to its neighbours with `prev`/`next` (a consumer walks from `last`
 * backwards). No files when nothing has happened yet (a page may not be empty). Pure.
 */
export function changeDiscoveryFiles(log: ChangeLog, s: DiscoverySettings): OutputFile[] {
  // Stable: the log is already in time order; sorting only guards against a clock that went back.
  const items = [...log.activities].sort((a, b) => (a.endTime < b.endTime ? -1 : a.endTime > b.endTime ? 1 : 0));
  if (items.length === 0) return [];
  const pageCount = Math.ceil(items.length / s.pageSize);
  const files: OutputFile[] = [
    {
      path: `${ACTIVITY_DIR}/all-changes.json`,
      content: json({
        '@context': DISCOVERY_CONTEXT,
        id: collectionUrl(s),
        type: 'OrderedCollection',
        totalItems: items.length,
        first: ref(pageUrl(s, 0), 'OrderedCollectionPage'),
        last: ref(pageUrl(s, pageCount - 1), 'OrderedCollectionPage'),
      }),
    },
  ];
  for (let n = 0; n < pageCount; n++) {
    const page: Record<string, unknown> = {
      '@context': DISCOVERY_CONTEXT,
      id: pageUrl(s, n),
      type: 'OrderedCollectionPage',
      startIndex: n * s.pageSize,
      partOf: ref(collectionUrl(s), 'OrderedCollection'),
    };
    if (n > 0) page.prev = ref(pageUrl(s, n - 1), 'OrderedCollectionPage');
    if (n < pageCount - 1) page.next = ref(pageUrl(s, n + 1), 'OrderedCollectionPage');
    page.orderedItems = items.slice(n * s.pageSize, (n + 1) * s.pageSize).map((a) => activityJson(a, s));
    files.push({ path: `${ACTIVITY_DIR}/page-${n}.json`, content: json(page) });
  }
  return files;
}
