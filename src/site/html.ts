/**
 * The one escaping rule of the site's templates. Pages are written with the `html` tag: every
 * interpolated value is escaped unless it is already `Html` (the result of another `html` call,
 * or `raw` for markup the site itself made). A forgotten escape is impossible by construction, and
 * the templates stay plain functions: typed, testable, no template language to learn.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | undefined | null | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most values (names, dates, ids) need no escape: testing first spares the replace.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

function render(value: HtmlValue): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof Html) return value.value;
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value as readonly HtmlValue[]) out += render(v);
    return out;
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup the site made itself (JSON-LD already made safe, a rendered citation). */
export function raw(markup: string): Html {
  return new Html(markup);
}

export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  const between = render(separator);
  let out = '';
  let first = true;
  for (const part of parts) {
    const text = render(part);
    if (text === '') continue;
    out += first ? text : between + text;
    first = false;
  }
  return new Html(out);
}
