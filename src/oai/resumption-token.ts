import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Position } from './store/oai-store.js';

/**
 * Stateless resumption tokens: the query, the keyset position of the last record sent, and the
 * list's size and cursor, signed with the store's key. Nothing is kept on the server, so tokens
 * never expire, survive restarts, are answered by any server on the same database, give the same
 * page every time, and page N costs what page 1 costs (no count per page). Forged or truncated
 * tokens fail the signature check. Tokens of version 1 (before the size was carried) are still
 * accepted; their size and cursor are counted.
 */
export interface TokenState {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: string;
  set?: string;
  /** Inclusive bounds as seconds datestamps. */
  from?: string;
  until?: string;
  after: Position;
  /** completeListSize as counted on the first page. */
  completeListSize?: number;
  /** Records sent before the next page. */
  cursor?: number;
}

interface Payload {
  v: 1 | 2;
  k: 'i' | 'r';
  m: string;
  s?: string;
  f?: string;
  u?: string;
  d: string;
  i: string;
  n?: number;
  c?: number;
}

function sign(body: string, key: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, 27);
}

export function encodeToken(state: TokenState, key: string): string {
  const payload: Payload = { v: 1, k: state.verb === 'ListRecords' ? 'r' : 'i', m: state.metadataPrefix, d: state.after.datestamp, i: state.after.id };
  if (state.set !== undefined) payload.s = state.set;
  if (state.from !== undefined) payload.f = state.from;
  if (state.until !== undefined) payload.u = state.until;
  if (state.completeListSize !== undefined && state.cursor !== undefined) {
    payload.v = 2;
    payload.n = state.completeListSize;
    payload.c = state.cursor;
  }
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${sign(body, key)}`;
}

const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The state of a token issued for `verb`, or undefined when it is not one of ours (or not for this verb). */
export function decodeToken(token: string, verb: TokenState['verb'], key: string): TokenState | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 4096) return undefined;
  const body = token.slice(0, dot);
  const mac = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(body, key));
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
  let p: Partial<Payload>;
  try {
    p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>;
  } catch {
    return undefined;
  }
  if ((p.v !== 1 && p.v !== 2) || p.k !== (verb === 'ListRecords' ? 'r' : 'i')) return undefined;
  if (typeof p.m !== 'string' || typeof p.d !== 'string' || typeof p.i !== 'string') return undefined;
  if (!optionalString(p.s) || !optionalString(p.f) || !optionalString(p.u)) return undefined;
  if (p.v === 2 && (!count(p.n) || !count(p.c))) return undefined;
  const state: TokenState = { verb, metadataPrefix: p.m, after: { datestamp: p.d, id: p.i } };
  if (p.s !== undefined) state.set = p.s;
  if (p.f !== undefined) state.from = p.f;
  if (p.u !== undefined) state.until = p.u;
  if (p.v === 2) {
    state.completeListSize = p.n as number;
    state.cursor = p.c as number;
  }
  return state;
}
