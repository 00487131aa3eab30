/**
 * The history IIIF Change Discovery publishes. The OAI store knows only each record's latest
 * datestamp and whether it is a tombstone, so the history is kept here: each build compares the
 * store with the last activity logged per document and appends what happened since. Pure.
 */
export type ActivityType = 'Create' | 'Update' | 'Delete';

export interface LoggedActivity {
  type: ActivityType;
  /** The document id (the manifest URL is made from it when the pages are written). */
  id: string;
  /** xsd:dateTime in UTC: the store datestamp of the change. */
  endTime: string;
}

export interface ChangeLog {
  format: 'cablekit-change-log';
  version: 1;
  activities: LoggedActivity[];
}

/** What the log needs of a store record: read through the store's own record type. */
export interface StoreEntry {
  id: string;
  datestamp: string;
  deleted: boolean;
}

export function emptyChangeLog(): ChangeLog {
  return { format: 'cablekit-change-log', version: 1, activities: [] };
}

function byTimeThenId(a: LoggedActivity, b: LoggedActivity): number {
  if (a.endTime !== b.endTime) return a.endTime < b.endTime ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The log after this build: a document new to the log (or back after a Delete) is a Create, a live
 * one with a newer datestamp an Update, a tombstone whose last activity was not a Delete a Delete.
 * Documents the store no longer holds at all are left as they are (nothing is known of them).
 * New activities come in endTime order, after the old ones, so pages already full never change.
 */
export function nextChangeLog(log: ChangeLog, entries: readonly StoreEntry[]): { log: ChangeLog; added: LoggedActivity[] } {
  const last = new Map<string, LoggedActivity>();
  for (const a of log.activities) last.set(a.id, a);
  const added: LoggedActivity[] = [];
  for (const e of entries) {
    const previous = last.get(e.id);
    if (e.deleted) {
      if (!previous || previous.type !== 'Delete') added.push({ type: 'Delete', id: e.id, endTime: e.datestamp });
    } else if (!previous || previous.type === 'Delete') {
      added.push({ type: 'Create', id: e.id, endTime: e.datestamp });
    } else if (previous.endTime !== e.datestamp) {
      added.push({ type: 'Update', id: e.id, endTime: e.datestamp });
    }
  }
  added.sort(byTimeThenId);
  return { log: added.length === 0 ? log : { ...log, activities: [...log.activities, ...added] }, added };
}
