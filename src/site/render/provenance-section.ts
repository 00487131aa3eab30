import type { Cable, Contributor } from '../../model/cable.js';
import { html, join, type Html, type HtmlValue } from '../html.js';
import type { SiteSettings } from '../site-settings.js';

function row(label: string, value: HtmlValue): Html {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? html`` : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function contributor(c: Contributor): Html {
  return html`${c.name}${c.fromLanguage ? ` (from ${c.fromLanguage})` : ''}${c.forOrganisation ? ` for ${c.forOrganisation}` : ''}`;
}

function names(list: readonly Contributor[]): Html | undefined {
  return list.length === 0 ? undefined : join(list.map(contributor), ', ');
}

/** Where the document is kept, who obtained and translated it, under which rights, and where it was found. */
export function renderProvenanceSection(cable: Cable, settings: SiteSettings): Html {
  const refs = cable.archiveReferences;
  const original = cable.originalLanguage;
  return html`<section class="provenance" aria-labelledby="provenance-heading"><h2 id="provenance-heading">Provenance</h2><dl class="facts">${[
    row(
      'Archive',
      refs.length === 0
        ? undefined
        : join(
            [...new Set(refs.map((r) => r.archiveName ?? r.archive).filter((n) => n !== undefined))].map((n) => html`${n}`),
            '; ',
          ),
    ),
    row('Archive reference', refs.length === 0 ? undefined : join(refs.map((r) => html`<span class="archive-reference">${r.verbatim}</span>`), '; ')),
    row('Pages', join(refs.filter((r) => r.pages).map((r) => html`${r.pages!.verbatim}`), '; ')),
    row('Obtained by', names(cable.contributors.filter((c) => c.role === 'obtainer'))),
    row('Translated by', names(cable.contributors.filter((c) => c.role === 'translator'))),
    row('Other contributors', names(cable.contributors.filter((c) => c.role === 'contributor'))),
    row('Funded by', cable.funders.length === 0 ? undefined : cable.funders.join(', ')),
    row('Original language', original ? html`${original.label}${original.code ? html` (<code>${original.code}</code>)` : ''}` : undefined),
    row('Translation language', cable.translationLanguage?.label),
    row('Record id', cable.recordId),
    row('Citation as the archive gives it', cable.citation),
    row('Source page', cable.urls.length === 0 ? undefined : join(cable.urls.map((u) => (/^https?:\/\//i.test(u) ? html`<a href="${u}">${u}</a>` : html`${u}`)), html`<br>`)),
    row(
      'Rights',
      html`${cable.rights.map((p) => html`<p>${p}</p>`)}<p>Rights statement: <a rel="license" href="${settings.rightsUri}">${settings.rightsUri}</a></p>`,
    ),
    cable.extraFields.length === 0 ? '' : join(cable.extraFields.map((f) => row(f.label, f.value))),
  ]}</dl></section>`;
}
