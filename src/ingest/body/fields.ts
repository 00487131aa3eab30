import type { Field } from '../../model/blocks.js';
import { normalizeWhitespace } from '../../model/reading-text.js';

type Role = NonNullable<Field['role']>;

/** Known header labels, lower-cased, to their role. A "<X> side" label is a participants field. */
const LABELS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['time', 'time'],
  ['date and time', 'time'],
  ['time and date', 'time'],
  ['date and place', 'date'],
  ['date', 'date'],
  ['place', 'place'],
  ['location', 'place'],
  ['venue', 'place'],
  ['participants', 'participants'],
  ['participating', 'participants'],
  ['present', 'participants'],
  ['those present', 'participants'],
  ['those taking part', 'participants'],
  ['taking part', 'participants'],
  ['in attendance', 'participants'],
  ['attendees', 'participants'],
  ['interpreter', 'interpreter'],
  ['interpreters', 'interpreter'],
  ['translator', 'interpreter'],
  ['interpreted by', 'interpreter'],
  ['recorder', 'recorder'],
  ['recorded by', 'recorder'],
  ['note taker', 'recorder'],
  ['observer', 'observer'],
  ['observers', 'observer'],
  ['to', 'to'],
  ['memorandum for', 'to'],
  ['sent to', 'to'],
  ['copies to', 'copy'],
  ['copy to', 'copy'],
  ['distribution', 'other'],
  ['addressee', 'to'],
  ['from', 'from'],
  ['subject', 'subject'],
  ['re', 'subject'],
  ['regarding', 'subject'],
  ['classification', 'classification'],
  ['copy', 'copy'],
  ['copies', 'copy'],
  ['cc', 'to'],
  ['sent', 'sent'],
  ['received', 'received'],
]);

const MEETING_ROLES: ReadonlySet<Role> = new Set(['time', 'place', 'participants', 'interpreter', 'recorder', 'observer']);
const MEMO_ROLES: ReadonlySet<Role> = new Set(['to', 'from', 'subject', 'classification', 'copy']);

const FIELD = /^\s*([\p{L}][\p{L}'’ .-]{0,40}?)(\s*:[\s\u00a0]*)(.*)$/u;
/** A second label on the same line, after a run of spaces or a tab: "To: A      From: B". */
const SECOND_LABEL = /(?:\t|[ \u00a0]{2,})([\p{L}][\p{L}'’ .-]{0,40}?:)/u;

/** The role of a header label as written, or undefined when it is no header label. */
export function fieldRole(label: string): Role | undefined {
  if (label.length > 45) return undefined; // labels are a few words; long text before a colon is prose
  const key = normalizeWhitespace(label).toLowerCase();
  const known = LABELS.get(key);
  if (known) return known;
  // Speaker labels ("Kim Il Sung") come here on every line of a conversation: most end in neither word.
  if (!key.endsWith(' side') && !key.endsWith(' delegation')) return undefined;
  if (/^[\p{L}-]+(?: [\p{L}-]+)? side$/u.test(key) || /^(?:members of the )?[\p{L}-]+ delegation$/u.test(key)) return 'participants';
  return undefined;
}

/** The fields of a header line ("Time: …", "To: A   From: B"), or undefined when it is not one. */
export function parseFieldLine(line: string): Array<{ label: string; separator: string; role: Role; value: string }> | undefined {
  // Most lines are prose without a colon: no need to try the label pattern.
  if (!line.includes(':')) return undefined;
  const m = FIELD.exec(line);
  if (!m) return undefined;
  const role = fieldRole(m[1]!);
  if (!role) return undefined;
  const label = m[1]!;
  const separator = m[2]!;
  const value = m[3]!;
  const second = SECOND_LABEL.exec(value);
  if (second && fieldRole(second[1]!.slice(0, -1))) {
    const rest = parseFieldLine(value.slice(second.index).trimStart());
    if (rest) return [{ label, separator, role, value: value.slice(0, second.index) }, ...rest];
  }
  return [{ label, separator, role, value }];
}

/** Meeting when any meeting label occurs, memo when memo labels do, else transmission ("Sent:", "Received:"). */
export function fieldsTypeOf(roles: readonly Role[]): 'meeting' | 'memo' | 'transmission' {
  if (roles.some((r) => MEETING_ROLES.has(r))) return 'meeting';
  if (roles.some((r) => MEMO_ROLES.has(r))) return 'memo';
  if (roles.every((r) => r === 'sent' || r === 'received')) return 'transmission';
  return 'memo';
}

/**
 * Names in a participants value: "Kim Il Sung, Premier; Pak Song Chol" → people. Parts that are
 * not name-shaped (titles, "and others") are skipped rather than guessed.
 */
export function namesInValue(value: string): string[] {
  const stripped = value.replace(/\[[^\]]*\]|\([^)]*\)/g, ' ');
  const parts = stripped.includes(';') ? stripped.split(';').map((p) => p.split(',')[0] ?? '') : stripped.split(/,|\band\b/);
  return parts.map((p) => p.trim().replace(/[.;:]$/, '').trim()).filter(isPersonName);
}

const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.|de|van|von|der|al|bin|la|le)$/u;
const TITLE_WORDS = /^(?:comrade|cde\.?|mr\.?|mrs\.?|ms\.?|dr\.?|premier|chairman|ambassador|minister|vice|deputy|general|secretary|president|counsellor|counselor|first|second|third|attaché|attache|head|director|chief|the|our|side)$/i;
const ORG_WORDS =
  /\b(?:ministry|department|committee|embassy|party|office|bureau|council|government|section|division|commission|agency|administration|foundation|institute|union|army|delegation|consulate|presidium|politburo|secretariat|directorate|headquarters|mission|legation|front|association|league|people['’]s)\b/i;

/** A person's name as written: 1–5 name tokens, not an office and not an organisation. */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/[\s\u00a0]+/);
  if (words.length === 0 || words.length > 5 || text.trim() === '') return false;
  if (ORG_WORDS.test(text)) return false;
  if (!words.every((w) => NAME_TOKEN.test(w))) return false;
  if (words.some((w) => /^(?:of|the|and|in|for|to|at|on)$/i.test(w))) return false; // an office: "AMBASSADOR OF THE REPUBLIC"

  return words.some((w) => !TITLE_WORDS.test(w) && w.replace(/\./g, '').length > 1);
}

/** An organisation's name as written ("Ministry of Foreign Affairs", "the International Liaison Department"). */
export function isOrgName(text: string): boolean {
  return ORG_WORDS.test(text) && text.trim().split(/\s+/).length <= 12;
}
