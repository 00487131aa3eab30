import type { SourceLine } from '../source-lines.js';

const DECLARATION =
  /(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’.-]*){0,4})[ \u00a0]*[([](?:hereafter|hereinafter|henceforth)(?:[ \u00a0]+(?:referred to as|called|as))?[ \u00a0]+["“]?([^\])"”]{1,40}?)["”]?[\])]/gu;

/** Offices written before a name are not part of it: "Minister Pak Tong Su (hereafter Pak)". */
const TITLES = /^(?:(?:Minister|Premier|Chairman|Comrade|Cde\.|Ambassador|President|General|Marshal|Secretary|Vice|Deputy|Foreign|Prime|First|Mr\.|Mrs\.|Dr\.)[ \u00a0]+)+/u;

/** "Kim Il Sung (hereafter Kim)", "[henceforth referred to as Kim]": alias → the name written before it. */
export function aliasDeclarations(lines: readonly SourceLine[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { text } of lines) {
    if (!/hereafter|hereinafter|henceforth/i.test(text)) continue;
    for (const m of text.matchAll(DECLARATION)) out.set(m[2]!.trim(), m[1]!.trim().replace(TITLES, ''));
  }
  return out;
}
