import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { teiFile } from '../edition/layout.js';
import { readFileIfExists, sha256Hex } from '../fs/index.js';
import type { BuildState, TeiStateEntry } from './build-state.js';

/**
 * The state file is written once, after every TEI file: a run killed in between would leave TEI
 * files the state does not know, and the next run would take them for hand edits. So each state
 * change is appended to a journal before its TEI file is renamed into place, and the next run
 * replays the entries whose TEI file holds exactly the bytes journalled.
 */
export function teiJournal(path: string): { record(id: string, entry: TeiStateEntry): void; clear(): void } {
  let ready = false;
  return {
    record(id, entry) {
      if (!ready) {
        mkdirSync(dirname(path), { recursive: true });
        ready = true;
      }
      appendFileSync(path, `${JSON.stringify([id, entry])}\n`);
    },
    clear() {
      rmSync(path, { force: true });
    },
  };
}

/** Applies the journal of a killed run to the state read from disk. Returns how many entries held. */
export function replayTeiJournal(path: string, state: BuildState, teiDir: string): number {
  const bytes = readFileIfExists(path);
  if (bytes === undefined) return 0;
  let applied = 0;
  for (const line of bytes.toString('utf8').split('\n')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // The line being written when the run was killed.
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'object' || parsed[1] === null) continue;
    const [id, entry] = parsed as [string, TeiStateEntry];
    const tei = readFileIfExists(teiFile(teiDir, id));
    if (tei !== undefined && typeof entry.teiSha256 === 'string' && sha256Hex(tei) === entry.teiSha256) {
      state.documents[id] = entry;
      applied++;
    }
  }
  return applied;
}
