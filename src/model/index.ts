export type * from './cable.js';
export type * from './blocks.js';
export type * from './inline.js';
export type * from './dates.js';
export { readingText, blockReadingText, cableReadingText, normalizeWhitespace } from './reading-text.js';
export { collectDates } from './collect-dates.js';
export { emptyCable } from './empty-cable.js';
