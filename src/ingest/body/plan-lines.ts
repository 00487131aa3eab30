import type { Field, ListItem } from '../../model/blocks.js';
import type { BodyContext, SourceLine } from '../source-lines.js';
import { closerLength, closerLineInfo } from './closer.js';
import type { Draft } from './draft.js';
import type { EntityRegistry } from './entity-registry.js';
import { fieldsTypeOf, isOrgName, namesInValue, parseFieldLine } from './fields.js';
import { isCapitalsHeading, isGapMarker, isSeparator, listItem, markingType, paragraphNumber } from './line-patterns.js';
import { addresseesOf, isSaluteLine } from './salute.js';
import { parseSpeakerLine, type SpeakerLine } from './speaker-label.js';

/** What planning needs besides the lines: the page context, the entities so far, declared aliases. */
export interface PlanEnv {
  ctx: BodyContext;
  registry: EntityRegistry;
  /** alias → full name, from "(hereafter Kim)". */
  declared: ReadonlyMap<string, string>;
}

const DISTRIBUTION_ITEM = /^[\s\u00a0]*(\d+[ \u00a0]*(?:cop(?:y|ies)[ \u00a0]*)?[-–—]|[-–—])[ \t\u00a0]+(\S.*)$/i;
const SENTENCE = /[.!?]["”]?[\s\u00a0]+\p{Lu}/u;

/**
 * Plans the blocks of one document (the body, an enclosure, a journal entry): its closer at the
 * end, then line by line the markings, headers, salutation, speeches, lists and paragraphs.
 */
export function planDocument(lines: readonly SourceLine[], env: PlanEnv, allowTitleHeading: boolean): Draft[] {
  const content = lines.filter((l) => !/^\s*$/.test(l.text));
  const trailingGaps: SourceLine[] = [];
  while (content.length > 0 && isGapMarker(content[content.length - 1]!.text)) trailingGaps.unshift(content.pop()!);
  const closerCount = closerLength(content.map((l) => l.text));
  const main = content.slice(0, content.length - closerCount);
  const closer = content.slice(content.length - closerCount);
  const drafts = planMain(main, env, allowTitleHeading);
  if (closer.length > 0) drafts.push(planCloser(closer, env));
  for (const gap of trailingGaps) drafts.push(() => ({ kind: 'gap', text: gap.text, reason: 'omitted' }));
  return drafts;
}

function planMain(lines: readonly SourceLine[], env: PlanEnv, allowTitleHeading: boolean): Draft[] {
  const drafts: Draft[] = [];
  let k = 0;
  let first = true;
  while (k < lines.length) {
    const l = lines[k]!;
    const t = l.text;
    const isFirst = first;
    // Markings and separators above the text do not make the title line any less the first.
    if (!markingType(t) && !isSeparator(t) && !isGapMarker(t)) first = false;
    if (isFirst && allowTitleHeading && !isSaluteLine(t) && !markingType(t) && repeatsTitle(t, env.ctx.title)) {
      drafts.push((b) => ({ kind: 'heading', content: b(t, l.line, { origin: 'heading' }) }));
      k++;
      continue;
    }
    if (isGapMarker(t)) {
      drafts.push(() => ({ kind: 'gap', text: t, reason: 'omitted' }));
      k++;
      continue;
    }
    if (isSeparator(t)) {
      drafts.push(() => ({ kind: 'separator', text: t }));
      k++;
      continue;
    }
    const marking = markingType(t);
    if (marking) {
      drafts.push((b) => ({ kind: 'marking', markingType: marking, content: b(t, l.line) }));
      k++;
      if (marking === 'distribution') k = planDistribution(lines, k, drafts);
      continue;
    }
    if (isFieldLine(t)) {
      k = planFields(lines, k, env, drafts);
      continue;
    }
    if (isSaluteLine(t)) {
      for (const a of addresseesOf(t)) env.registry.addRole('addressees', env.registry.add(a.kind, a.name));
      drafts.push((b) => ({ kind: 'salute', content: b(t, l.line) }));
      k++;
      continue;
    }
    const speaker = parseSpeakerLine(t);
    if (speaker) {
      k = planSpeech(lines, k, speaker, env, drafts);
      continue;
    }
    if (isCapitalsHeading(t)) {
      drafts.push((b) => ({ kind: 'heading', content: b(t, l.line, { origin: 'heading' }) }));
      k++;
      continue;
    }
    if (listItem(t)) {
      k = planList(lines, k, drafts);
      continue;
    }
    k = planParagraph(lines, k, drafts);
  }
  return drafts;
}

/**
 * The title repeated, its quoted part ("Cable from X, 'On the Situation …'" → "On the Situation …"),
 * or a rewording of it that keeps most of its words, as the first line of the text.
 */
function repeatsTitle(line: string, title: string | undefined): boolean {
  if (title === undefined || line.length > 300 || /[.!?;:,]$/.test(line.trim())) return false;
  const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const a = fold(line);
  if (a.length < 4) return false;
  const quoted = /['‘“"]([^'’”"]{4,})['’”"]\s*$/u.exec(title);
  const candidates = [fold(title), ...(quoted ? [fold(quoted[1]!)] : [])];
  return candidates.some((b) => a.includes(b) || (b.includes(a) && a.length * 3 >= b.length * 2) || sharesMostWords(a, b));
}

function sharesMostWords(a: string, b: string): boolean {
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return wa.size >= 3 && shared / wa.size >= 0.75 && shared / wb.size >= 0.6;
}

/** A header field line, unless a side label opens a long statement ("Korean side: We think … ."). */
function isFieldLine(text: string): boolean {
  const fields = parseFieldLine(text);
  if (!fields) return false;
  return !fields.some((f) => f.role === 'participants' && /side$/i.test(f.label.trim()) && (f.value.length > 160 || SENTENCE.test(f.value)));
}

function planFields(lines: readonly SourceLine[], start: number, env: PlanEnv, drafts: Draft[]): number {
  const parts: Array<{ field: NonNullable<ReturnType<typeof parseFieldLine>>[number]; line: number; more: SourceLine[] }> = [];
  let k = start;
  while (k < lines.length && isFieldLine(lines[k]!.text)) {
    const l = lines[k]!;
    for (const field of parseFieldLine(l.text)!) parts.push({ field, line: l.line, more: [] });
    k++;
    // Names listed under an empty "Participants:" on the following lines belong to it.
    const last = parts[parts.length - 1]!;
    while (
      k < lines.length &&
      lines[k]!.line === lines[k - 1]!.line + 1 &&
      (last.field.value.trim() === '' || last.more.length > 0) &&
      !isFieldLine(lines[k]!.text) &&
      !markingType(lines[k]!.text)
    ) {
      last.more.push(lines[k]!);
      k++;
    }
  }
  for (const p of parts) registerFieldAgents(p.field.role, p.field.label, [p.field.value, ...p.more.map((m) => m.text)], env);
  const fieldsType = fieldsTypeOf(parts.map((p) => p.field.role));
  drafts.push((b) => ({
    kind: 'fields',
    fieldsType,
    fields: parts.map((p): Field => {
      const origin = p.field.role === 'date' || p.field.role === 'time' ? 'meeting' : 'text';
      const value = b(p.field.value, p.line, { origin });
      for (const m of p.more) value.push({ kind: 'lineBreak' }, ...b(m.text, m.line, { origin }));
      return { label: p.field.label, separator: p.field.separator, role: p.field.role, value };
    }),
  }));
  return k;
}

function registerFieldAgents(role: Field['role'], label: string, values: string[], env: PlanEnv): void {
  const { registry } = env;
  const list = role === 'to' ? 'addressees' : role === 'from' ? 'senders' : undefined;
  const isPeopleRole = role === 'participants' || role === 'interpreter' || role === 'recorder' || role === 'observer';
  if (!list && !isPeopleRole) return;
  for (const value of values) {
    const orgs = list && isOrgName(value) && !value.includes(';') ? [value.trim().replace(/^the\s+/i, '').replace(/[.;]$/, '')] : [];
    for (const name of orgs) registry.addRole(list!, registry.add('org', name));
    if (orgs.length > 0) continue;
    for (const name of namesInValue(value)) {
      const entity = registry.add('person', name);
      if (list) registry.addRole(list, entity);
      else registry.addRole('participants', entity, label.trim());
    }
  }
}

function planSpeech(lines: readonly SourceLine[], start: number, speaker: SpeakerLine, env: PlanEnv, drafts: Draft[]): number {
  const l = lines[start]!;
  const { registry, declared } = env;
  const fullName = declared.get(speaker.name);
  const bySurname = fullName === undefined && !registry.find(speaker.name) ? uniqueSurnameMatch(speaker.name, registry) : undefined;
  const entity = bySurname ?? registry.add('person', fullName ?? speaker.name);
  if (fullName !== undefined || bySurname !== undefined) registry.addAlias(entity, speaker.name);
  for (const alias of speaker.aliases) registry.addAlias(entity, alias);
  const reason =
    fullName !== undefined
      ? `speaker label "${speaker.name}" resolved through the alias the text declares for ${fullName}`
      : bySurname !== undefined
        ? `speaker label "${speaker.name}" matched by surname to ${bySurname.name}, the only person of that name in the text`
        : undefined;
  if (reason !== undefined) {
    if (!registry.participants.some((r) => r.ref === entity.id && r.inferred !== undefined)) {
      registry.participants.push({ ref: entity.id, inferred: reason });
    }
  } else registry.addRole('participants', entity);
  let k = start + 1;
  let separator = speaker.separator;
  let rest: SourceLine = { text: speaker.rest, line: l.line };
  if (speaker.rest.trim() === '' && k < lines.length && !parseSpeakerLine(lines[k]!.text) && !isFieldLine(lines[k]!.text)) {
    // "Kim:" alone on its line: the speech is the next line.
    separator += '\n';
    rest = lines[k]!;
    k++;
  }
  const who = entity.id;
  const label = speaker.label;
  drafts.push((b) => ({ kind: 'speech', speaker: b(label, l.line), separator, who, content: b(rest.text, rest.line) }));
  return k;
}

const HONORIFIC = /^(?:cde\.|comrade|com\.|mr\.|mrs\.|ms\.|dr\.)\s+/i;

/** "Orlov" or "Cde. Orlov" for the one person named "Ivan Orlov": the same person, marked as inferred. */
function uniqueSurnameMatch(label: string, registry: EntityRegistry) {
  const surname = label.replace(HONORIFIC, '').trim().toLowerCase();
  if (surname === '' || /\s/.test(surname)) return undefined;
  const matches = registry.entities.filter(
    (e) => e.kind === 'person' && e.name.toLowerCase() !== surname && e.name.toLowerCase().split(/\s+/).includes(surname),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

function planDistribution(lines: readonly SourceLine[], start: number, drafts: Draft[]): number {
  const items: Array<{ label: string; rest: string; line: number }> = [];
  let k = start;
  for (; k < lines.length; k++) {
    const m = DISTRIBUTION_ITEM.exec(lines[k]!.text);
    if (!m) break;
    items.push({ label: m[1]!, rest: m[2]!, line: lines[k]!.line });
  }
  if (items.length > 0) {
    drafts.push((b) => ({
      kind: 'list',
      listType: 'distribution',
      items: items.map((i): ListItem => ({ label: i.label, content: b(i.rest, i.line) })),
    }));
  }
  return k;
}

function planList(lines: readonly SourceLine[], start: number, drafts: Draft[]): number {
  const firstItem = listItem(lines[start]!.text)!;
  const items: Array<{ label: string; rest: string; line: number }> = [];
  let k = start;
  for (; k < lines.length; k++) {
    const item = listItem(lines[k]!.text);
    if (!item || item.listType !== firstItem.listType) break;
    items.push({ label: item.label, rest: item.rest, line: lines[k]!.line });
  }
  drafts.push((b) => ({
    kind: 'list',
    listType: firstItem.listType,
    items: items.map((i): ListItem => ({ label: i.label, content: b(i.rest, i.line) })),
  }));
  return k;
}

/** A paragraph, joined with the next lines while a "[" (a stamp, a handwritten note) is still open. */
function planParagraph(lines: readonly SourceLine[], start: number, drafts: Draft[]): number {
  const first = lines[start]!;
  let text = first.text;
  let k = start + 1;
  while (k < lines.length && k - start < 30 && openBrackets(text) > 0 && lines[k]!.line === lines[k - 1]!.line + 1) {
    text += '\n' + lines[k]!.text;
    k++;
  }
  const numbered = paragraphNumber(text);
  const body = text;
  drafts.push((b) =>
    numbered
      ? { kind: 'paragraph', number: numbered.number, content: b(numbered.rest, first.line) }
      : { kind: 'paragraph', content: b(body, first.line) },
  );
  return k;
}

function openBrackets(text: string): number {
  if (!text.includes('[')) return 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d && depth > 0) depth--;
  }
  return depth;
}

function planCloser(lines: readonly SourceLine[], env: PlanEnv): Draft {
  const kinds = lines.map((l) => closerLineInfo(l.text)!);
  kinds.forEach((info) => {
    for (const s of info.signers) env.registry.addRole('senders', env.registry.add(s.kind, s.name));
  });
  return (b) => ({
    kind: 'closer',
    lines: lines.map((l, i) => ({
      kind: kinds[i]!.kind,
      content: b(l.text, l.line, { origin: kinds[i]!.kind === 'dateline' ? 'closer' : 'text' }),
    })),
  });
}

