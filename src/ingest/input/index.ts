export { decodePage } from './decode-page.js';
export { splitLines } from './split-lines.js';
export { MAX_PAGE_BYTES } from './limits.js';
export { utf8Length } from './utf8-length.js';
