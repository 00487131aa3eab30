import type { Block } from '../model/blocks.js';
import type { Cable } from '../model/cable.js';
import { blockReadingText } from '../model/reading-text.js';
import { escapeHtml } from './plain-text.js';


function paragraph(text: string, bold: boolean): string {
  const inner = escapeHtml(text).replace(/\n/g, '<br/>');
  return bold ? `<p><b>${inner}</b></p>` : `<p>${inner}</p>`;
}

function blockHtml(block: Block): string {
  if (block.kind === 'document') return block.blocks.map(blockHtml).join('');
  const text = blockReadingText(block);
  if (text.trim() === '') return '';
  return paragraph(text, block.kind === 'heading');
}

/**
 * The translation as the reader saw it (brackets restored), in the HTML subset IIIF allows:
 * only <p>, <b> and <br/>, every character of the text escaped. Empty when the body is empty.
 */
export function translationHtml(cable: Pick<Cable, 'body'>): string {
  return cable.body.map(blockHtml).join('');
}
