import type { SourceLine } from '../source-lines.js';

const DECLARATION =
  /(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’.-]*){0,4})[ \u00a0]*[([](?:hereafter|hereinafter|henceforth)(?:[ \u00a0]+(?:referred to as|called|as))?[ \u00a0]+["“]?([^\])"”]{1,40}?)["”]?[\])]/gu;

/** "Kim Il Sung (hereafter Kim)", "[henceforth referred to as Kim]": alias → the name written before it. */
export function aliasDeclarations(lines: readonly SourceLine[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { text } of lines) {
    if (!/hereafter|hereinafter|henceforth/i.test(text)) continue;
    for (const m of text.matchAll(DECLARATION)) out.set(m[2]!.trim(), m[1]!.trim());
  }
  return out;
}
