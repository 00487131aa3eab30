import type { SourceLine } from '../source-lines.js';
import { closerInfos } from './closer.js';
import type { Draft } from './draft.js';
import { isBlank, isCapitalsHeading, isGapMarker, isSeparator, listItem, markingType } from './line-patterns.js';
import { planCloser } from './plan-closer.js';
import type { PlanEnv } from './plan-env.js';
import { headerFields, planFields } from './plan-fields.js';
import { planDistribution, planList } from './plan-lists.js';
import { planParagraph } from './plan-paragraph.js';
import { planSpeech } from './plan-speech.js';
import { repeatsTitle } from './repeats-title.js';
import { addresseesOf, isSaluteLine } from './salute.js';
import { parseSpeakerLine } from './speaker-label.js';

export type { PlanEnv } from './plan-env.js';

/**
 * Plans the blocks of one document (the body, an enclosure, a journal entry): its closer at the
 * end, then line by line the markings, headers, salutation, speeches, lists and paragraphs.
 */
export function planDocument(lines: readonly SourceLine[], env: PlanEnv, allowTitleHeading: boolean): Draft[] {
  const content = lines.filter((l) => !isBlank(l.text));
  const trailingGaps: SourceLine[] = [];
  while (content.length > 0 && isGapMarker(content[content.length - 1]!.text)) trailingGaps.unshift(content.pop()!);
  // Distribution and transmission lines may follow the signature: the closer sits above them.
  let tailStart = content.length;
  while (tailStart > 1 && isTailLine(content[tailStart - 1]!.text)) tailStart--;
  const beforeTail = content.slice(0, tailStart);
  let closer = closerInfos(beforeTail.map((l) => l.text));
  if (closer.length === 0 && tailStart < content.length) {
    tailStart = content.length;
    closer = closerInfos(content.map((l) => l.text));
  }
  const closerStart = tailStart - closer.length;
  const drafts = planMain(content.slice(0, closerStart), env, allowTitleHeading);
  if (closer.length > 0) drafts.push(planCloser(content.slice(closerStart, tailStart), closer, env));
  if (tailStart < content.length) drafts.push(...planMain(content.slice(tailStart), env, false));
  for (const gap of trailingGaps) drafts.push(() => ({ kind: 'gap', text: gap.text, reason: 'omitted' }));
  return drafts;
}

const DISTRIBUTION_LINE = /^[\s\u00a0]*(?:\d+[ \u00a0]*(?:cop(?:y|ies)[ \u00a0]*)?[-–—][ \t\u00a0]+\S|(?:sent to|copies to|copy to|distribution|cc)\s*:)/i;

/** A line that may follow the signature: a marking, a transmission note, a distribution entry. */
function isTailLine(text: string): boolean {
  return markingType(text) !== undefined || DISTRIBUTION_LINE.test(text);
}

function planMain(lines: readonly SourceLine[], env: PlanEnv, allowTitleHeading: boolean): Draft[] {
  const drafts: Draft[] = [];
  let k = 0;
  let first = true;
  // Addressee lines and salutations open a letter; once the text has begun, "Comrade Kim:" is a speaker.
  let textBegun = false;
  while (k < lines.length) {
    const l = lines[k]!;
    const t = l.text;
    const isFirst = first;
    // Asked once per line: the tests below want them more than once.
    const marking = markingType(t);
    const gapMarker = isGapMarker(t);
    const separator = isSeparator(t);
    // Markings and separators above the text do not make the title line any less the first.
    if (!marking && !separator && !gapMarker) first = false;
    if (isFirst && allowTitleHeading && !isSaluteLine(t) && !marking && repeatsTitle(t, env.ctx.title)) {
      drafts.push((b) => ({ kind: 'heading', content: b(t, l.line, { origin: 'heading' }) }));
      k++;
      continue;
    }
    if (gapMarker) {
      drafts.push(() => ({ kind: 'gap', text: t, reason: 'omitted' }));
      k++;
      continue;
    }
    if (separator) {
      drafts.push(() => ({ kind: 'separator', text: t }));
      k++;
      continue;
    }
    if (marking) {
      drafts.push((b) => ({ kind: 'marking', markingType: marking, content: b(t, l.line) }));
      k++;
      if (marking === 'distribution') k = planDistribution(lines, k, drafts);
      continue;
    }
    const fields = headerFields(t);
    if (fields) {
      k = planFields(lines, k, fields, env, drafts);
      continue;
    }
    if (!textBegun && isSaluteLine(t)) {
      for (const a of addresseesOf(t)) env.registry.addRole('addressees', env.registry.add(a.kind, a.name));
      drafts.push((b) => ({ kind: 'salute', content: b(t, l.line) }));
      k++;
      continue;
    }
    const speaker = parseSpeakerLine(t);
    if (speaker) {
      k = planSpeech(lines, k, speaker, env, drafts);
      textBegun = true;
      continue;
    }
    if (isCapitalsHeading(t)) {
      drafts.push((b) => ({ kind: 'heading', content: b(t, l.line, { origin: 'heading' }) }));
      k++;
      continue;
    }
    if (listItem(t)) {
      k = planList(lines, k, drafts);
      textBegun = true;
      continue;
    }
    k = planParagraph(lines, k, drafts);
    textBegun = true;
  }
  return drafts;
}
