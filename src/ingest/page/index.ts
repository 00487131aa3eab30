export { detectLayout } from './detect-layout.js';
export { readRecordExport } from './read-record-export.js';
export { readBlockPage } from './read-block-page.js';
export { readOldSite } from './read-old-site.js';
export type { PageDraft, Located } from './page-draft.js';
export { isFieldLabel, labelKey } from './labels.js';
export { isChrome } from './chrome.js';
export { matchFunderLine, looksLikeDate, isBlank } from './line-kinds.js';
