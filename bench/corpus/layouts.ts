import type { SeededRandom } from './random.js';
import type { DocumentSpec } from './document-spec.js';

/** The four page layouts of docs/input-formats.md, each rendering a spec the way that site would. */
export type SyntheticLayout = 'record-export' | 'current-site' | 'flat-mirror' | 'old-site';
export const SYNTHETIC_LAYOUTS: readonly SyntheticLayout[] = ['record-export', 'current-site', 'flat-mirror', 'old-site'];

function funderLine(spec: DocumentSpec, withArticle: boolean): string | undefined {
  if (spec.funders.length === 0) return undefined;
  const names = spec.funders.join(', ');
  return `This document was made possible with support from ${withArticle && !/^the /i.test(names) ? 'the ' : ''}${names}`;
}

function citationSentence(spec: DocumentSpec): string {
  return `"${spec.title ?? 'Untitled document'}", ${spec.headerDate}, Wilson Center Digital Archive, ${spec.archiveReference}. ${spec.contributors}`.trimEnd();
}

/** Blank lines between blocks vary from one to several, as on the real sites. */
function gaps(random: SeededRandom, blocks: readonly string[], min: number, max: number): string {
  return blocks.map((b, i) => (i === 0 ? b : '\n'.repeat(random.int(min, max)) + b)).join('');
}

export function renderRecordExport(spec: DocumentSpec, random: SeededRandom): string {
  const parts = ['', '', `**${spec.headerDate}**`];
  if (spec.title) parts.push(`**${spec.title}**`);
  parts.push('**Citation:**', `${citationSentence(spec)}  \n<${spec.url}>`);
  if (spec.summary) parts.push('**Summary:**', spec.summary);
  const funders = funderLine(spec, false);
  if (funders) parts.push('**Credits:**', funders);
  parts.push('**Original Language:**', spec.originalLanguage, '**Contents:**', 'Translation - English', '[...]');
  if (spec.title && random.chance(0.5)) parts.push(spec.title);
  parts.push(...spec.blocks, '[...]');
  return parts.join('\n\n');
}

export function renderCurrentSite(spec: DocumentSpec, random: SeededRandom): string {
  const head: string[] = [];
  if (random.chance(0.85)) head.push('Skip to content');
  head.push(spec.headerDate);
  if (spec.title) head.push(spec.title);
  const funders = funderLine(spec, false);
  if (funders) head.push(funders);
  const tail: string[] = [];
  if (spec.summary) tail.push(spec.summary);
  const labelled = random.chance(0.2);
  tail.push(labelled ? 'Source' : 'Document Information');
  tail.push(`${spec.archiveReference}. ${spec.contributors}`.trimEnd());
  if (labelled) tail.push('Rights');
  tail.push(...spec.rights, 'Original Uploaded Date', spec.uploadedDate ?? '', spec.documentType, 'Record ID', String(spec.recordId));
  if (spec.funders.length > 0) tail.push(spec.funders.join(', '));
  return `${gaps(random, head, 2, 2)}\n\n${gaps(random, spec.blocks, 1, 3)}\n\n\n${gaps(random, tail, 1, 4)}`;
}

export function renderFlatMirror(spec: DocumentSpec, random: SeededRandom): string {
  const lines: string[] = [];
  if (spec.summary && random.chance(0.3)) lines.push(spec.summary);
  lines.push(spec.headerDate);
  if (spec.title) lines.push(spec.title);
  lines.push(...spec.blocks.map((b) => b.replace(/\n/g, ' ')));
  if (spec.summary) lines.push(spec.summary);
  lines.push('Author(s):', 'Associated Places', 'Associated Topics', 'Associated People & Organizations', 'Subjects Discussed', 'Related Documents');
  lines.push('Document Information', 'Source', 'Original Archive', 'Rights', ...spec.rights);
  return `${lines.join('\n')}\n`;
}

export function renderOldSite(spec: DocumentSpec, random: SeededRandom): string {
  const lines: string[] = [];
  const withHeader = random.chance(0.8);
  if (withHeader) lines.push('Search in', 'Digital Archive International History Declassified');
  lines.push(spec.headerDate);
  if (withHeader && spec.title && random.chance(0.4)) lines.push(spec.title.toUpperCase(), 'CITATION SHARE DOWNLOAD');
  const funders = funderLine(spec, true);
  if (withHeader && funders) lines.push(funders);
  if (withHeader) lines.push('\u2022 Citation', 'get citation');
  const citation = `"${spec.title ?? 'Untitled document'}," ${spec.headerDate}, Wilson Center Digital Archive, ${spec.archiveReference}. ${spec.contributors} ${spec.url}`;
  if (spec.summary) lines.push(`    ${spec.summary}`);
  lines.push(`    ${citation}`);
  if (withHeader) lines.push('\u2022 share document', 'English HTML');
  lines.push(...spec.blocks);
  return `${lines.join('\n')}\n`;
}

export function renderPage(layout: SyntheticLayout, spec: DocumentSpec, random: SeededRandom): string {
  switch (layout) {
    case 'record-export':
      return renderRecordExport(spec, random);
    case 'current-site':
      return renderCurrentSite(spec, random);
    case 'flat-mirror':
      return renderFlatMirror(spec, random);
    case 'old-site':
      return renderOldSite(spec, random);
  }
}
