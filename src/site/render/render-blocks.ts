import type { Block, CloserLine, Field, ListItem, Note } from '../../model/blocks.js';
import { readingText } from '../../model/reading-text.js';
import { html, join, type Html } from '../html.js';
import { renderInline } from './render-inline.js';

/**
 * The body as HTML, its structure kept: the opening blocks (markings, header fields, addressee)
 * grouped as the opener, then paragraphs, speeches, lists, the closer with its signers, and notes.
 */
export function renderBody(blocks: readonly Block[]): Html {
  const openerEnd = blocks.findIndex((b) => !OPENER_KINDS.has(b.kind));
  const split = openerEnd === -1 ? blocks.length : openerEnd;
  const opener = blocks.slice(0, split);
  return join([opener.length > 0 ? html`<div class="opener">${opener.map(renderBlock)}</div>` : '', blocks.slice(split).map(renderBlock)]);
}

const OPENER_KINDS = new Set<Block['kind']>(['marking', 'fields', 'salute', 'heading']);

export function renderBlock(block: Block): Html {
  switch (block.kind) {
    case 'heading':
      return html`<h3 class="heading">${renderInline(block.content)}</h3>`;
    case 'paragraph':
      return html`<p>${block.number !== undefined ? html`<span class="pnum">${block.number}</span> ` : ''}${renderInline(block.content)}</p>`;
    case 'fields':
      return html`<dl class="fields fields-${block.fieldsType}">${block.fields.map(renderField)}</dl>`;
    case 'salute':
      return html`<p class="salute">${renderInline(block.content)}</p>`;
    case 'list': {
      const items = block.items.map(renderItem);
      return block.listType === 'numbered' ? html`<ol class="list list-numbered">${items}</ol>` : html`<ul class="list list-${block.listType}">${items}</ul>`;
    }
    case 'speech':
      return html`<p class="speech"><span class="speaker">${renderInline(block.speaker)}</span>${block.separator}${renderInline(block.content)}</p>`;
    case 'closer':
      return html`<div class="closer">${block.lines.map(renderCloserLine)}</div>`;
    case 'notes':
      return html`<section class="notes">${block.heading ? html`<h3>${renderInline(block.heading)}</h3>` : ''}<ol class="note-list">${block.notes.map(renderNote)}</ol></section>`;
    case 'marking':
      return html`<p class="marking marking-${block.markingType}">${renderInline(block.content)}</p>`;
    case 'separator':
      return html`<p class="separator">${block.text}</p>`;
    case 'gap':
      return block.text === ''
        ? html`<p class="ed ed-gap block-gap gap-${block.reason}"><span class="site-note">The source page breaks off here.</span></p>`
        : html`<p class="ed ed-gap block-gap gap-${block.reason}">${block.text}</p>`;
    case 'document':
      return html`<section class="enclosure">${block.documentType ? html`<p class="enclosure-type site-note">${block.documentType}</p>` : ''}${renderBody(block.blocks)}</section>`;
  }
}

function renderField(field: Field): Html {
  return html`<div class="field${field.role ? ` field-${field.role}` : ''}"><dt>${field.label}${field.separator}</dt><dd>${renderInline(field.value)}</dd></div>`;
}

function renderItem(item: ListItem): Html {
  return html`<li>${item.label !== undefined ? html`<span class="label">${item.label}</span> ` : ''}${renderInline(item.content)}</li>`;
}

function renderCloserLine(line: CloserLine): Html {
  return html`<p class="closer-${line.kind}">${renderInline(line.content)}</p>`;
}

function renderNote(note: Note): Html {
  // The marker is usually part of the note's text already; shown apart (as a site label) only when it is not.
  const marked = readingText(note.content).trimStart().startsWith(note.n);
  return html`<li id="note-${note.id}" class="note note-${note.noteType}">${marked ? '' : html`<span class="note-n site-note">${note.n}</span> `}${renderInline(note.content)}</li>`;
}
