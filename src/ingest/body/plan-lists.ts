import type { ListItem } from '../../model/blocks.js';
import type { SourceLine } from '../source-lines.js';
import type { Draft } from './draft.js';
import { listItem } from './line-patterns.js';

const DISTRIBUTION_ITEM = /^[\s\u00a0]*(\d+[ \u00a0]*(?:cop(?:y|ies)[ \u00a0]*)?[-–—]|[-–—])[ \t\u00a0]+(\S.*)$/i;

/** The "1 - to Cde. …" lines under "5 copies printed". */
export function planDistribution(lines: readonly SourceLine[], start: number, drafts: Draft[]): number {
  const items: Array<{ label: string; rest: string; line: number }> = [];
  let k = start;
  for (; k < lines.length; k++) {
    const m = DISTRIBUTION_ITEM.exec(lines[k]!.text);
    if (!m) break;
    items.push({ label: m[1]!, rest: m[2]!, line: lines[k]!.line });
  }
  if (items.length > 0) {
    drafts.push((b) => ({
      kind: 'list',
      listType: 'distribution',
      items: items.map((i): ListItem => ({ label: i.label, content: b(i.rest, i.line) })),
    }));
  }
  return k;
}

/** Consecutive dash or bullet items of the same kind as one list. */
export function planList(lines: readonly SourceLine[], start: number, drafts: Draft[]): number {
  const firstItem = listItem(lines[start]!.text)!;
  const items: Array<{ label: string; rest: string; line: number }> = [];
  let k = start;
  for (; k < lines.length; k++) {
    const item = listItem(lines[k]!.text);
    if (!item || item.listType !== firstItem.listType) break;
    items.push({ label: item.label, rest: item.rest, line: lines[k]!.line });
  }
  drafts.push((b) => ({
    kind: 'list',
    listType: firstItem.listType,
    items: items.map((i): ListItem => ({ label: i.label, content: b(i.rest, i.line) })),
  }));
  return k;
}
