/**
 * The old site prints the summary and the citation as indented text; sometimes the two are glued
 * with no space ("…in Asia."Record of…,"). The citation opens with a quoted title ending in
 * `,"` — find that opening quote right after sentence-ending punctuation.
 */
const GLUED = /[.!?)\]] ?(["“])/g;
const TITLE_AFTER_QUOTE = /^["“][^"”\n]{3,500}?,["”]/;

export function startsCitation(text: string): boolean {
  return TITLE_AFTER_QUOTE.test(text.trimStart());
}

export function splitOldCitation(text: string): { summary?: string; citation?: string } {
  const t = text.trim();
  if (startsCitation(t)) return { citation: t };
  GLUED.lastIndex = 0;
  for (let m = GLUED.exec(t); m; m = GLUED.exec(t)) {
    const at = m.index + m[0].length - 1;
    if (TITLE_AFTER_QUOTE.test(t.slice(at, at + 520))) return { summary: t.slice(0, at).trim(), citation: t.slice(at).trim() };
  }
  return { summary: t };
}

const QUOTED_TITLE = /^["“]([^"”\n]{3,500}?),["”]/;

/** The title an old-site citation opens with, without its quotes and comma. */
export function quotedTitle(citation: string): string | undefined {
  return QUOTED_TITLE.exec(citation.trimStart())?.[1]?.trim();
}
