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
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup the site made itself (JSON-LD already made safe, a rendered citation). */
export function raw(markup: string): Html {
  return new Html(markup);
}

export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(parts.map(render).filter((p) => p !== '').join(render(separator)));
}
