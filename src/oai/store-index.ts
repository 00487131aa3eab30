import type { OaiRecord, OaiSet } from './oai-record.js';
import { PARENT_SETS } from './record-sets.js';

/** A harvest position: the last (datestamp, id) a page returned. Records are ordered by this key. */
export interface Position {
  datestamp: string;
  id: string;
}

/** A selection (set, from, until) as a contiguous slice [lo, hi) of one sorted list. */
export interface Selection {
  list: readonly OaiRecord[];
  lo: number;
  hi: number;
}

function compareKey(a: Position, b: Position): number {
  if (a.datestamp !== b.datestamp) return a.datestamp < b.datestamp ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** First index in [lo, hi) whose record does not satisfy `before`, by binary search. */
function partition(list: readonly OaiRecord[], lo: number, hi: number, before: (r: OaiRecord) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid] as OaiRecord)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * In-memory index of the store: every record sorted by (datestamp, id), and one such list per
 * set, so a page anywhere in a harvest costs two binary searches and a slice (keyset paging).
 */
export class StoreIndex {
  private readonly byId = new Map<string, OaiRecord>();
  private readonly all: OaiRecord[];
  private readonly bySet = new Map<string, OaiRecord[]>();
  private readonly setNames = new Map<string, string>();

  constructor(records: readonly OaiRecord[]) {
    this.all = [...records].sort(compareKey);
    for (const r of this.all) {
      this.byId.set(r.id, r);
      for (const s of r.sets) {
        const parent = s.spec.split(':')[0] ?? s.spec;
        for (const spec of parent === s.spec ? [s.spec] : [parent, s.spec]) {
          let list = this.bySet.get(spec);
          if (!list) this.bySet.set(spec, (list = []));
          if (list[list.length - 1] !== r) list.push(r);
        }
        if (!this.setNames.has(s.spec)) this.setNames.set(s.spec, s.name);
      }
    }
    for (const p of PARENT_SETS) if (this.bySet.has(p.spec)) this.setNames.set(p.spec, p.name);
  }

  get size(): number {
    return this.all.length;
  }

  get(id: string): OaiRecord | undefined {
    return this.byId.get(id);
  }

  /** The earliest datestamp of any record, tombstones included. */
  earliestDatestamp(): string | undefined {
    return this.all[0]?.datestamp;
  }

  /** Every set that has at least one record, parents included, ordered by spec. */
  sets(): OaiSet[] {
    return [...this.setNames.entries()].map(([spec, name]) => ({ spec, name })).sort((a, b) => (a.spec < b.spec ? -1 : 1));
  }

  hasSet(spec: string): boolean {
    return this.bySet.has(spec);
  }

  /** Records in `set` (all when undefined) with from ≤ datestamp ≤ until (bounds are seconds datestamps). */
  select(set: string | undefined, from: string | undefined, until: string | undefined): Selection {
    const list = set === undefined ? this.all : (this.bySet.get(set) ?? []);
    const lo = from === undefined ? 0 : partition(list, 0, list.length, (r) => r.datestamp < from);
    const hi = until === undefined ? list.length : partition(list, lo, list.length, (r) => r.datestamp <= until);
    return { list, lo, hi };
  }

  /** Index of the first record of the selection strictly after `after`. */
  startAfter(selection: Selection, after: Position): number {
    return partition(selection.list, selection.lo, selection.hi, (r) => compareKey(r, after) <= 0);
  }
}
