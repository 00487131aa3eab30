import type { InternationalString, MetadataItem } from '@iiif/presentation-3';
import { plainTextValue } from './plain-text.js';

/** The language of the text cablekit carries: the English translation. */
export const TRANSLATION_LANGUAGE = 'en';

/** English text (titles, summaries, labels cablekit writes): the TEI text is an English translation. */
export function english(...values: string[]): InternationalString {
  return { en: values.map(plainTextValue) };
}

/** Language-neutral values: names, archive signatures, numbers. */
export function neutral(...values: string[]): InternationalString {
  return { none: values.map(plainTextValue) };
}

export function pair(label: string, value: InternationalString): MetadataItem {
  return { label: english(label), value };
}
