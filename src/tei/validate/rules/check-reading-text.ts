import type { DiagnosticBag } from '../../../diagnostics/diagnostic.js';
import type { Cable } from '../../../model/cable.js';
import { readingTextChecksum } from '../../encode/encode-revision-desc.js';
import type { ElementIndex } from '../../xml/element-index.js';
import { attr, textContent } from '../../xml/xml-tree.js';

/**
 * The reading text (brackets restored) against the checksum recorded when the source was
 * encoded. A difference means the text was edited since: a warning, so an editor's correction is
 * seen, not refused.
 */
export function checkReadingText(index: ElementIndex, cable: Pick<Cable, 'body'>, bag: DiagnosticBag): void {
  const recorded = index.named('idno').findLast((e) => attr(e, 'type') === 'reading-text-sha256');
  if (!recorded) return;
  if (textContent(recorded).trim() !== readingTextChecksum(cable)) {
    bag.warn('tei/reading-text-changed', 'The reading text differs from the source text this file was encoded from (edited by hand?).', {
      ...(recorded.line !== undefined ? { line: recorded.line } : {}),
      hint: 'If the edit is intended, nothing to do; otherwise compare with the source page.',
    });
  }
}

/** A page cut off in the source is encoded up to where it ends: say so. */
export function checkTruncation(index: ElementIndex, bag: DiagnosticBag): void {
  for (const e of index.named('gap')) {
    if (attr(e, 'reason') === 'truncated') {
      bag.warn('tei/truncated', 'The source is cut off here; the text after this point is missing.', e.line !== undefined ? { line: e.line } : {});
    }
  }
}
