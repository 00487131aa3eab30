import type { CloserLine } from '../../model/blocks.js';
import { findDates } from '../dates/index.js';
import { isOrgName, isPersonName } from './fields.js';

/** What one closer line is, and who it names as signer. */
export interface CloserLineInfo {
  kind: CloserLine['kind'];
  signers: Array<{ kind: 'person' | 'org'; name: string }>;
}

const PLACE_PREFIX = /^(?:\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’-]*){0,2},?[ \u00a0]*)?$/u;
const SIGNATURE_MARK = /^(?:\[(?:illegible )?signature\]|\((?:illegible )?signature\)|\[signed\])$/i;
const SLASHED = /^\/([^/]{2,60})\/$/;
const TITLE_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|of|the|in|to|for|and|at|de|du|\(\p{Lu}+\)|\p{Lu}+)[,]?$/u;

/** Classifies a line of a signature block, or undefined when it is not one. */
export function closerLineInfo(line: string): CloserLineInfo | undefined {
  const text = line.trim();
  if (text === '' || text.length > 120) return undefined;
  const dates = findDates(text);
  const only = dates.length === 1 ? dates[0]! : undefined;
  if (only && PLACE_PREFIX.test(text.slice(0, only.start)) && /^[.\s]*$/.test(text.slice(only.end))) {
    return { kind: 'dateline', signers: [] };
  }
  // Prose ends with punctuation; signer and office lines do not (an initial "I." aside).
  if (/[!?;:]$/.test(text) || (/\.$/.test(text) && !/(?:^|\s)\p{Lu}\.$/u.test(text))) return undefined;
  if (SIGNATURE_MARK.test(text)) return { kind: 'signed', signers: [] };
  const inParentheses = /^\(([^()]{3,60})\)$/.exec(text);
  if (inParentheses && isPersonName(inParentheses[1]!.trim())) {
    return { kind: 'signed', signers: [{ kind: 'person', name: inParentheses[1]!.trim() }] }; // "(Károly Pásztor)"
  }
  const slashed = SLASHED.exec(text);
  if (slashed) return { kind: 'signed', signers: [{ kind: 'person', name: slashed[1]!.trim() }] };
  const parts = text.split(/[ \u00a0]+and[ \u00a0]+|,[ \u00a0]*/).map((p) => p.trim());
  if (parts.every((p) => isPersonName(p) && p.split(/\s+/).length >= 2)) {
    return { kind: 'signed', signers: parts.map((name) => ({ kind: 'person' as const, name })) };
  }
  if (isOrgName(text) && text.split(/\s+/).length <= 10 && text.split(/\s+/).every((w) => TITLE_WORD.test(w))) {
    return { kind: 'signed', signers: [{ kind: 'org', name: text.replace(/^the\s+/i, '') }] };
  }
  const words = text.split(/[\s\u00a0]+/);
  if (words.length <= 12 && words.every((w) => TITLE_WORD.test(w))) return { kind: 'other', signers: [] };
  return undefined;
}

/**
 * The lines at the end of a document that form its closer, classified, top to bottom: short
 * signer, date and office lines, at most six, with at least one signer or date, never the whole
 * document. Empty when there is no closer. Returned so the planner need not classify them again.
 */
export function closerInfos(lines: readonly string[]): CloserLineInfo[] {
  const infos: CloserLineInfo[] = [];
  let anchored = false;
  for (let i = lines.length - 1; i >= 1 && infos.length < 6; i--) {
    const info = closerLineInfo(lines[i]!);
    if (!info) break;
    infos.push(info);
    if (info.kind !== 'other') anchored = true;
  }
  return anchored ? infos.reverse() : [];
}
