import type { Layout } from '../model/cable.js';
import { readBlockPage } from './page/read-block-page.js';
import { readOldSite } from './page/read-old-site.js';
import { readRecordExport } from './page/read-record-export.js';
import type { PageDraft } from './page/page-draft.js';
import type { SourceLine } from './source-lines.js';

/** The layout reader for a detected layout. */
export function readPage(lines: readonly SourceLine[], layout: Exclude<Layout, 'unknown'>): PageDraft {
  switch (layout) {
    case 'record-export':
      return readRecordExport(lines);
    case 'current-site':
    case 'flat-mirror':
      return readBlockPage(lines, layout);
    case 'old-site':
      return readOldSite(lines);
  }
}
