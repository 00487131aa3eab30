import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { Cable } from '../../../model/cable.js';
import { readingTextChecksum } from '../../encode/encode-revision-desc.js';
import { attr, textContent, walkElements, type XElement } from '../../xml/xml-tree.js';

/**
 * The reading text (brackets restored) against the checksum recorded when the source was
 * encoded. A difference means the text was edited since: a warning, so an editor's correction is
 * seen, not refused.
 */
export function checkReadingText(tei: XElement, cable: Cable, bag: DiagnosticBag): void {
  let recorded: XElement | undefined;
  walkElements(tei, (e) => {
    if (e.name === 'idno' && attr(e, 'type') === 'reading-text-sha256') recorded = e;
  });
  if (!recorded) return;
  if (textContent(recorded).trim() !== readingTextChecksum(cable)) {
    bag.warn('tei/reading-text-changed', 'The reading text differs from the source text this file was encoded from (edited by hand?).', {
      ...(recorded.line !== undefined ? { line: recorded.line } : {}),
      hint: 'If the edit is intended, nothing to do; otherwise compare with the source page.',
    });
  }
}

/** A page cut off in the source is encoded up to where it ends: say so. */
export function checkTruncation(tei: XElement, bag: DiagnosticBag): void {
  walkElements(tei, (e) => {
    if (e.name === 'gap' && attr(e, 'reason') === 'truncated') {
      bag.warn('tei/truncated', 'The source is cut off here; the text after this point is missing.', e.line !== undefined ? { line: e.line } : {});
    }
  });
}
