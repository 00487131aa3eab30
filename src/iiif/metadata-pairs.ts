import type { MetadataItem } from '@iiif/presentation-3';
import type { Cable, ContributorRole } from '../model/cable.js';
import { collectDates } from '../model/collect-dates.js';
import { english, neutral, pair } from './language-map.js';

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

function contributorNames(cable: Cable, role: ContributorRole): string[] {
  return unique(cable.contributors.filter((c) => c.role === role).map((c) => c.name));
}

function senderNames(cable: Cable): string[] {
  const byId = new Map(cable.entities.map((e) => [e.id, e.name]));
  return unique(cable.senders.map((s) => byId.get(s.ref) ?? '').filter((n) => n !== ''));
}

/** Display-only label/value pairs; every value is the text as the TEI has it, nothing derived. */
export function metadataPairs(cable: Cable): MetadataItem[] {
  const out: MetadataItem[] = [];
  const add = (label: string, values: string[], neutralValues = false): void => {
    const kept = unique(values);
    if (kept.length > 0) out.push(pair(label, neutralValues ? neutral(...kept) : english(...kept)));
  };
  add('Date', cable.catalogueDate ? [cable.catalogueDate.verbatim] : []);
  add(
    'Dates in the text',
    collectDates(cable)
      .filter((d) => d.origin !== 'catalogue' && d.origin !== 'uploaded')
      .map((d) => d.verbatim),
  );
  add('Archive reference', cable.archiveReferences.map((r) => r.verbatim), true);
  add('Author', senderNames(cable), true);
  add('Translator', contributorNames(cable, 'translator'), true);
  add('Obtained by', contributorNames(cable, 'obtainer'), true);
  add('Contributor', contributorNames(cable, 'contributor'), true);
  add('Funder', cable.funders, true);
  add('Original language', cable.originalLanguage ? [cable.originalLanguage.label] : []);
  add('Document type', cable.documentType !== undefined ? [cable.documentType] : []);
  add('Record ID', cable.recordId !== undefined ? [cable.recordId] : [], true);
  return out;
}
