import type { Entity } from '../../../model/cable.js';

/** A written name of an identified entity. */
export interface NameEntry {
  text: string;
  entity: Entity;
}

/** One mention found in a text: where it is and the name it resolves to. */
export interface NameHit {
  start: number;
  end: number;
  name: NameEntry;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** True for a code point in Unicode L* or N* (the whole-word boundary of a mention). */
function isLetterOrNumber(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  if (codePoint < 0x80) {
    return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
  }
  return LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The code point ending just before `at` (a surrogate pair read as one), undefined at the start. */
function codePointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const unit = text.charCodeAt(at - 1);
  if (isLow(unit) && at >= 2 && isHigh(text.charCodeAt(at - 2))) return text.codePointAt(at - 2);
  return unit;
}

/**
 * Finds mentions of identified names as whole words, case-sensitively, preferring the earlier
 * name in the list (longest first) at each place. It replaces one regex alternation of every name
 * with Unicode lookbehinds: that regex was compiled anew for each cable and cost most of ingest.
 * Here each place is looked up by its first character, so the scan is linear in the text.
 * Same matches as `(?<![\p{L}\p{N}])(?:name|…)(?![\p{L}\p{N}])` with flags "gu".
 */
export class NameMatcher {
  /** Names by their first code unit, in list order, each with the name it resolves to. */
  private readonly byFirst = new Map<number, Array<{ text: string; resolved: NameEntry }>>();
  /** The distinct first characters of the names. */
  private readonly firsts: string[];

  constructor(names: readonly NameEntry[]) {
    // A written form resolves to the first name spelled the same up to case.
    const byLower = new Map<string, NameEntry>();
    for (const name of names) {
      // An empty name would match everywhere and mean nothing.
      if (name.text === '') continue;
      const lower = name.text.toLowerCase();
      if (!byLower.has(lower)) byLower.set(lower, name);
      const first = name.text.charCodeAt(0);
      const entry = { text: name.text, resolved: byLower.get(lower)! };
      const bucket = this.byFirst.get(first);
      if (bucket) bucket.push(entry);
      else this.byFirst.set(first, [entry]);
    }
    this.firsts = [...this.byFirst.keys()].map((unit) => String.fromCharCode(unit));
  }

  get isEmpty(): boolean {
    return this.byFirst.size === 0;
  }

  /** Every mention in the text, left to right, not overlapping. */
  matches(text: string): NameHit[] {
    return this.scan(text, Infinity);
  }

  /** Whether the text mentions any of the names. */
  test(text: string): boolean {
    return this.scan(text, 1).length > 0;
  }

  private scan(text: string, limit: number): NameHit[] {
    const hits: NameHit[] = [];
    const firsts = this.firsts;
    // Jump from one place a name could start to the next with native indexOf, one per first
    // character; each is asked again only once passed, so the text is read once per first character.
    const nextAt = firsts.map((c) => text.indexOf(c));
    let from = 0;
    while (hits.length < limit) {
      for (let k = 0; k < nextAt.length; k++) if (nextAt[k]! >= 0 && nextAt[k]! < from) nextAt[k] = text.indexOf(firsts[k]!, from);
      let at = -1;
      for (const i of nextAt) if (i >= 0 && (at < 0 || i < at)) at = i;
      if (at < 0) break;
      const hit = this.matchAt(text, at);
      if (hit) hits.push(hit);
      from = hit ? hit.end : at + 1;
    }
    return hits;
  }

  /** The mention starting exactly at `at`, if any: the first name in list order that fits there as a whole word. */
  private matchAt(text: string, at: number): NameHit | undefined {
    // A match never starts inside a surrogate pair, nor right after a letter or digit.
    if (at > 0 && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) return undefined;
    if (isLetterOrNumber(codePointBefore(text, at))) return undefined;
    for (const name of this.byFirst.get(text.charCodeAt(at)) ?? []) {
      const end = at + name.text.length;
      if (!text.startsWith(name.text, at)) continue;
      // Nor ends inside a surrogate pair, nor right before a letter or digit.
      if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) continue;
      if (isLetterOrNumber(text.codePointAt(end))) continue;
      return { start: at, end, name: name.resolved };
    }
    return undefined;
  }
}
