import type { Block } from './blocks.js';
import type { Cable } from './cable.js';
import type { DateValue } from './dates.js';
import type { Inline } from './inline.js';

function fromInline(segments: readonly Inline[], out: DateValue[]): void {
  for (const s of segments) {
    if (s.kind === 'date') out.push(s.value);
    if ('content' in s && Array.isArray(s.content)) fromInline(s.content, out);
  }
}

function fromBlock(block: Block, out: DateValue[]): void {
  switch (block.kind) {
    case 'heading':
    case 'salute':
    case 'marking':
    case 'paragraph':
      fromInline(block.content, out);
      break;
    case 'fields':
      block.fields.forEach((f) => fromInline(f.value, out));
      break;
    case 'list':
      block.items.forEach((i) => fromInline(i.content, out));
      break;
    case 'speech':
      fromInline(block.speaker, out);
      fromInline(block.content, out);
      break;
    case 'closer':
      block.lines.forEach((l) => fromInline(l.content, out));
      break;
    case 'notes':
      if (block.heading) fromInline(block.heading, out);
      block.notes.forEach((n) => fromInline(n.content, out));
      break;
    case 'document':
      block.blocks.forEach((b) => fromBlock(b, out));
      break;
    case 'separator':
    case 'gap':
      break;
  }
}

/** Every date of the cable: catalogue and uploaded dates first, then those of the text in order. */
export function collectDates(cable: Pick<Cable, 'catalogueDate' | 'uploadedDate' | 'body'>): DateValue[] {
  const out: DateValue[] = [];
  if (cable.catalogueDate) out.push(cable.catalogueDate);
  if (cable.uploadedDate) out.push(cable.uploadedDate);
  cable.body.forEach((b) => fromBlock(b, out));
  return out;
}
