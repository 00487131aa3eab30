import type { OutputFile } from '../../src/stage/index.js';

/** The text of a derived file; fails the test when the stage produced bytes (a page image) instead. */
export function text(file: OutputFile): string {
  if (typeof file.content !== 'string') throw new Error(`${file.path} holds bytes, not text`);
  return file.content;
}
