import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticBag } from '../../../src/diagnostics/diagnostic.js';
import { parseBody } from '../../../src/ingest/body/index.js';
import { parseDate } from '../../../src/ingest/dates/index.js';
import type { BodyResult, SourceLine } from '../../../src/ingest/source-lines.js';
import type { Block } from '../../../src/model/blocks.js';
import type { Inline } from '../../../src/model/inline.js';

export const PAGES = join(import.meta.dirname, '../../fixtures/pages');
export const SEEDS = join(import.meta.dirname, '../../../sources');

export interface ParsedFixture extends BodyResult {
  body: SourceLine[];
  bag: DiagnosticBag;
}

function toLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ text: t, line: i + 1 }));
}

/**
 * The body of a record-export page (between its "[...]" markers) or of a current-site page
 * (after the funder line, up to the summary paragraph that follows the text), parsed with the
 * page's title and date as the page engineer passes them.
 */
export function parseFixturePage(path: string): ParsedFixture {
  const lines = toLines(readFileSync(path, 'utf8'));
  const bold = lines.filter((l) => /^\*\*[^*]+\*\*$/.test(l.text.trim())).map((l) => l.text.trim().slice(2, -2));
  let body: SourceLine[];
  let date: string;
  let title: string;
  if (bold.length >= 2) {
    [date, title] = [bold[0]!, bold[1]!];
    const start = lines.findIndex((l) => l.text.trim() === '[...]');
    const end = lines.findLastIndex((l) => l.text.trim() === '[...]');
    body = lines.slice(start + 1, end);
  } else {
    const content = lines.filter((l) => l.text.trim() !== '' && l.text.trim() !== 'Skip to content');
    [date, title] = [content[0]!.text.trim(), content[1]!.text.trim()];
    const funder = lines.findIndex((l) => l.text.startsWith('This document was made possible'));
    const info = lines.findIndex((l) => l.text.trim() === 'Document Information');
    let end = info;
    while (end > 0 && lines[end - 1]!.text.trim() === '') end--;
    end--; // the summary paragraph right before "Document Information"
    body = lines.slice(funder + 1, end);
  }
  const bag = new DiagnosticBag(path);
  const result = parseBody(body, { bag, title, catalogueDate: parseDate(date, 'catalogue') });
  return { ...result, body, bag };
}

export function bodyFixtures(): string[] {
  return readdirSync(PAGES)
    .filter((f) => /^body-.*\.txt$/.test(f))
    .sort();
}

/** Every inline segment of the blocks, depth first, with nested content. */
export function allSegments(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const visit = (segments: readonly Inline[]): void => {
    for (const s of segments) {
      out.push(s);
      if ('content' in s && Array.isArray(s.content)) visit(s.content);
    }
  };
  const visitBlock = (b: Block): void => {
    switch (b.kind) {
      case 'heading':
      case 'salute':
      case 'marking':
      case 'paragraph':
        visit(b.content);
        break;
      case 'fields':
        b.fields.forEach((f) => visit(f.value));
        break;
      case 'list':
        b.items.forEach((i) => visit(i.content));
        break;
      case 'speech':
        visit(b.speaker);
        visit(b.content);
        break;
      case 'closer':
        b.lines.forEach((l) => visit(l.content));
        break;
      case 'notes':
        if (b.heading) visit(b.heading);
        b.notes.forEach((n) => visit(n.content));
        break;
      case 'document':
        b.blocks.forEach(visitBlock);
        break;
      default:
        break;
    }
  };
  blocks.forEach(visitBlock);
  return out;
}

export function blocksOfKind<K extends Block['kind']>(blocks: readonly Block[], kind: K): Array<Extract<Block, { kind: K }>> {
  const out: Block[] = [];
  const visit = (bs: readonly Block[]): void => {
    for (const b of bs) {
      if (b.kind === kind) out.push(b);
      if (b.kind === 'document') visit(b.blocks);
    }
  };
  visit(blocks);
  return out as Array<Extract<Block, { kind: K }>>;
}
