/**
 * The HTML IIIF lets a client render (Presentation 3, "HTML markup in property values"):
 * a, b, br, i, img, p, small, span, sub, sup; only href on a, src and alt on img; no comments,
 * CDATA or processing instructions. A value is HTML when it starts with "<" and ends with ">".
 */
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  b: [],
  br: [],
  i: [],
  img: ['src', 'alt'],
  p: [],
  small: [],
  span: [],
  sub: [],
  sup: [],
};

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

export function looksLikeHtml(value: string): boolean {
  return value.startsWith('<') && value.endsWith('>');
}

/** What in `html` is outside the allowed subset; empty when it is all allowed. */
export function htmlSubsetProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<!--|<!\[CDATA\[|<\?|<!/i.test(html)) problems.push('comments, CDATA, doctypes and processing instructions are not allowed');
  for (const match of html.matchAll(TAG)) {
    const tag = (match[2] ?? '').toLowerCase();
    const allowed = ALLOWED_ATTRIBUTES[tag];
    if (allowed === undefined) {
      problems.push(`<${tag}> is not in the allowed HTML subset`);
      continue;
    }
    if (match[1] === '/') continue;
    for (const attr of (match[3] ?? '').matchAll(ATTRIBUTE)) {
      const name = (attr[1] ?? '').toLowerCase();
      if (!allowed.includes(name)) {
        problems.push(`attribute ${name} on <${tag}> is not allowed`);
        continue;
      }
      const value = (attr[2] ?? '').replace(/^["']|["']$/g, '').trim().toLowerCase();
      if (/^(javascript|vbscript|data):/.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
        problems.push(`${name}="${value}" on <${tag}> is a script URL`);
      }
    }
  }
  return problems;
}
