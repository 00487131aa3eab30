import type { Language } from '../../model/cable.js';
import { LANGUAGE_CODES } from './language-table.js';

/**
 * A language label as written ("Chinese", "Translation - English") with its ISO 639 code when
 * the label names exactly one known language. Several languages ("Russian, German") get no code.
 */
export function parseLanguage(label: string): Language {
  const text = label.trim();
  const out: Language = { label: text };
  const words = text
    .toLowerCase()
    .replace(/^translation\s*[-–—:]\s*/, '')
    .replace(/^transcript(?:ion)?\s*[-–—:]\s*/, '')
    .split(/\s*(?:,|;|\/|\n|\band\b)\s*/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  if (words.length === 1) {
    const code = LANGUAGE_CODES.get(words[0]!);
    if (code) out.code = code;
  }
  return out;
}
