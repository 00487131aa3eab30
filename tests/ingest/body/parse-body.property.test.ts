import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/diagnostics/diagnostic.js';
import { parseBody } from '../../../src/ingest/body/index.js';
import { parseDate } from '../../../src/ingest/dates/index.js';
import { blockReadingText, normalizeWhitespace } from '../../../src/model/reading-text.js';
import { allSegments } from './body-fixture.js';

/** Pieces real bodies are made of, including broken ones: unclosed brackets and quotes, stray markers. */
const piece = fc.constantFrom(
  'the', 'Ministry of Foreign Affairs', 'Kim', 'Kim:', 'KIM.', 'Time:', 'To:', 'Cde. Ivanov—', '[', ']', '[[', ']]', '(', ')',
  '“', '”', '"', '…', '[...]', '[sic]', '[North]', '[handwritten: ', '[stamp: ', '(p. 1)', '(redacted)', '[1]', '(1)', '1', '.',
  ',', ':', '—', '–', 'Nº', '\u00a0', ' ', '25 December 1965', '29 October, 5:00 p.m.', '13.10.50', 'between 2nd and 5th of May 1960',
  '3:00–5:30 p.m.', '(hereafter Kim)', '[henceforth referred to as Lee]', 'Jiao Ruoyu', 'and', 'TOP SECRET', 'Notes', 'Enclosure',
  '* * *', '- ', '1. ', 'Yang Yong and Hao Deqing', '中文', 'K?rea',
);
const line = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(' '));
const body = fc.array(fc.oneof(line, fc.constant(''), fc.constant('\u00a0')), { minLength: 1, maxLength: 25 });

describe('parseBody on arbitrary mixes of real body pieces', () => {
  it('never throws, loses nothing and invents nothing', () => {
    fc.assert(
      fc.property(body, (texts) => {
        const lines = texts.map((text, i) => ({ text, line: i + 1 }));
        const r = parseBody(lines, { bag: new DiagnosticBag('p'), title: 'A Report', catalogueDate: parseDate('October 29, 1965', 'catalogue') });
        const rebuilt = normalizeWhitespace(r.blocks.map(blockReadingText).join('\n'));
        expect(rebuilt).toBe(normalizeWhitespace(texts.join('\n')));
      }),
      { numRuns: 300 },
    );
  });

  it('gives unique xml:id-safe entity ids, and every reference points to an entity or note that exists', () => {
    fc.assert(
      fc.property(body, (texts) => {
        const r = parseBody(
          texts.map((text, i) => ({ text, line: i + 1 })),
          { bag: new DiagnosticBag('p') },
        );
        const ids = r.entities.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[A-Za-z_][\w.-]*$/);
        const known = new Set(ids);
        for (const ref of [...r.senders, ...r.addressees, ...r.participants]) expect(known.has(ref.ref)).toBe(true);
        const noteIds = new Set(r.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes.map((n) => n.id) : [])));
        for (const s of allSegments(r.blocks)) {
          if (s.kind === 'mention') expect(known.has(s.ref)).toBe(true);
          if (s.kind === 'noteRef' && s.target !== undefined) expect(noteIds.has(s.target)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseBody on a very large block', () => {
  it('keeps every character of a 1 MB paragraph full of stray brackets, dates and quotes', () => {
    const unit = 'On 25 December 1965 the [North] Korean side said “we agree [sic]” (p. 3) and [ left… ( [handwritten: x';
    const text = Array.from({ length: 10_000 }, () => unit).join(' ');
    const bag = new DiagnosticBag('big');
    const r = parseBody([{ text, line: 1 }], { bag });
    expect(normalizeWhitespace(r.blocks.map(blockReadingText).join('\n'))).toBe(normalizeWhitespace(text));
    expect(bag.items.filter((d) => d.code === 'ingest/unbalanced-bracket')).toHaveLength(1);
  });
});
