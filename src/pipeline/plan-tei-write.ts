import { sha256Hex } from '../fs/sha256.js';
import type { TeiStateEntry } from './build-state.js';

export interface TeiPlanInput {
  sourceSha256: string;
  /** Bytes of the TEI file now on disk, if there is one. */
  existingTei?: Uint8Array;
  /** What the build recorded when it last wrote this document's TEI. */
  state?: TeiStateEntry;
  force: boolean;
  /** The `when` to use for a new revision. */
  now: string;
  toolVersion: string;
  /** The encoder for this document, given a `when`: pure, so it may be called more than once. */
  encode(when: string): string;
}

export type TeiPlan =
  /** No TEI yet: write it. */
  | { action: 'create'; content: string; when: string }
  /** Our own earlier output, now out of date (source or tool changed): replace it. */
  | { action: 'update'; content: string; when: string }
  /** Our own output and still exactly what we would write: touch nothing. */
  | { action: 'unchanged'; content: string; when: string }
  /** A person edited the file and --force was given: overwrite the edit. */
  | { action: 'overwrite-hand-edit'; content: string; when: string }
  /** A person edited the file: keep the edit, report a conflict. */
  | { action: 'keep-hand-edit' };

/** The `when` of the first revisionDesc change, to recognise our own output when the state file is gone. */
export function recordedWhenOf(tei: string): string | undefined {
  return /<change\b[^>]*?\bwhen="([^"]+)"/.exec(tei)?.[1];
}

function sameBytes(a: Uint8Array, text: string): boolean {
  return Buffer.from(a).equals(Buffer.from(text, 'utf8'));
}

/**
 * Decides what to do with one document's TEI file. Pure: the caller reads the disk and acts.
 * A file is ours when its bytes are what the state says we wrote, or — the state being lost, as
 * on a fresh clone of a committed edition — when re-encoding with its own `when` reproduces it.
 * Anything else is a hand edit, which is never overwritten without `force`.
 */
/** The revision time a new encoding gets: the recorded one while source and tool are the same, else now. */
export function plannedWhen(input: Pick<TeiPlanInput, 'state' | 'sourceSha256' | 'toolVersion' | 'now'>): string {
  const { state } = input;
  const sourceUnchanged = state !== undefined && state.sourceSha256 === input.sourceSha256 && state.toolVersion === input.toolVersion;
  return sourceUnchanged && state ? state.when : input.now;
}

export function planTeiWrite(input: TeiPlanInput): TeiPlan {
  const { existingTei } = input;
  const state = input.state;
  const when = plannedWhen(input);

  if (existingTei === undefined) return { action: 'create', content: input.encode(when), when };

  if (state !== undefined && sha256Hex(existingTei) === state.teiSha256) {
    const content = input.encode(when);
    return { action: sameBytes(existingTei, content) ? 'unchanged' : 'update', content, when };
  }

  const ownWhen = state?.when ?? recordedWhenOf(Buffer.from(existingTei).toString('utf8'));
  if (ownWhen !== undefined) {
    const again = input.encode(ownWhen);
    if (sameBytes(existingTei, again)) return { action: 'unchanged', content: again, when: ownWhen };
  }

  if (input.force) return { action: 'overwrite-hand-edit', content: input.encode(input.now), when: input.now };
  return { action: 'keep-hand-edit' };
}
