/** Page images are read by the pipeline and handed in (src/stage/assets.ts). */
export type { PageImage } from '../stage/assets.js';
