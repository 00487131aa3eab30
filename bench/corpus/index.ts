export { SeededRandom } from './random.js';
export { generateSpec, type DocumentSpec } from './document-spec.js';
export { generateBody } from './body.js';
export { renderPage, SYNTHETIC_LAYOUTS, type SyntheticLayout } from './layouts.js';
