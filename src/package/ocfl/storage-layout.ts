import { createHash } from 'node:crypto';
import type { PackageFile } from '../package-input.js';
import { utf8 } from '../text-bytes.js';

/**
 * Objects are placed by the storage-layout extension 0004 (hashed n-tuple): sha256 of the id,
 * three tuples of three characters, then the whole digest. Whatever the id holds, the path is
 * hex digits only: nothing escapes the storage root.
 */
export const LAYOUT_EXTENSION = '0004-hashed-n-tuple-storage-layout';
const LAYOUT_CONFIG = { extensionName: LAYOUT_EXTENSION, digestAlgorithm: 'sha256', tupleSize: 3, numberOfTuples: 3, shortObjectRoot: false };

export function objectRootPath(id: string): string {
  const digest = createHash('sha256').update(id, 'utf8').digest('hex');
  const tuples = [0, 1, 2].map((i) => digest.slice(i * 3, i * 3 + 3));
  return `${tuples.join('/')}/${digest}`;
}

/** The storage root's own files: NAMASTE declaration, layout description and its configuration. */
export function storageRootFiles(): PackageFile[] {
  return [
    { path: '0=ocfl_1.1', bytes: utf8('ocfl_1.1\n') },
    { path: 'ocfl_layout.json', bytes: utf8(`${JSON.stringify({ extension: LAYOUT_EXTENSION, description: 'Hashed N-tuple Storage Layout: sha256 of the object id, 3 tuples of 3 characters, then the full digest' }, null, 2)}\n`) },
    { path: `extensions/${LAYOUT_EXTENSION}/config.json`, bytes: utf8(`${JSON.stringify(LAYOUT_CONFIG, null, 2)}\n`) },
  ];
}
