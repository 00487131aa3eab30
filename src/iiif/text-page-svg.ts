import { escapeHtml } from './plain-text.js';
import { TEXT_PAGE, type TextPage } from './text-pages.js';

/** Faces that are monospaced at 0.6 em or narrower, in the order systems tend to have them. */
const FONT_STACK = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, 'Courier New', monospace";

export interface TextPageSvgInput {
  page: TextPage;
  width: number;
  height: number;
  /** The document's title (or id), for the image's accessible name. */
  title: string;
  /** BCP 47 tag of the text: the translation's language. */
  language: string;
}

/**
 * One page of the translation as a standalone SVG: every line a <text> element with its text
 * escaped, no script, no external reference (no font, image or stylesheet is fetched), so any
 * viewer can paint it as an image and a screen reader finds its name in <title>.
 */
export function textPageSvg(input: TextPageSvgInput): string {
  const { page, width, height } = input;
  const x = TEXT_PAGE.margin;
  // At 15 px a column is 9 px: the note stays within the page's 860 px for any label of up to 30 characters.
  const where = [...page.label].length <= 30 ? `, page ${page.label}` : '';
  const note = `Translation${where} (page breaks are not the original's)`;
  const lines = page.lines.map((line, i) => {
    if (line.text === '') return '';
    const y = TEXT_PAGE.top + i * TEXT_PAGE.lineHeight;
    const weight = line.bold ? ' font-weight="bold"' : '';
    return `<text x="${x}" y="${y}"${weight}>${escapeHtml(line.text)}</text>\n`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xml:lang="${escapeHtml(input.language)}" role="img" aria-labelledby="title">\n`,
    `<title id="title">${escapeHtml(`${input.title} — translation, page ${page.label}`)}</title>\n`,
    `<rect width="${width}" height="${height}" fill="#fffef9"/>\n`,
    `<text x="${x}" y="60" font-family="${FONT_STACK}" font-size="15" fill="#5c5c5c" xml:lang="en">${escapeHtml(note)}</text>\n`,
    `<g font-family="${FONT_STACK}" font-size="${TEXT_PAGE.fontSize}" fill="#1b1b1b">\n`,
    ...lines,
    ...(page.lines.length === 0 ? [`<text x="${x}" y="${TEXT_PAGE.top}" fill="#5c5c5c" xml:lang="en">(The translation's text is on the other pages.)</text>\n`] : []),
    '</g>\n',
    '</svg>\n',
  ].join('');
}
