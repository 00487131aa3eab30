import tarStream from 'tar-stream';
import type { PackageFile } from '../package-input.js';
import { byPath } from '../text-bytes.js';
import { collect } from './zip-archive.js';

/**
 * A POSIX tar (ustar, pax headers only for long names) of files, the same bytes for the same input:
 * entries sorted, folders listed before their files, one fixed mtime, owner 0:0 without names.
 */
export function tarFiles(files: readonly PackageFile[], mtimeUtc: string): Promise<Uint8Array> {
  const pack = tarStream.pack();
  const mtime = new Date(mtimeUtc);
  const header = { mtime, uid: 0, gid: 0, uname: '', gname: '' };
  const done = collect(pack as unknown as AsyncIterable<Uint8Array>);
  const written = new Set<string>();
  for (const file of [...files].sort(byPath)) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const dir = parts.slice(0, i).join('/');
      if (written.has(dir)) continue;
      written.add(dir);
      pack.entry({ ...header, name: `${dir}/`, type: 'directory', mode: 0o755 });
    }
    pack.entry({ ...header, name: file.path, type: 'file', mode: 0o644, size: file.bytes.length }, Buffer.from(file.bytes));
  }
  pack.finalize();
  return done;
}
