import tarStream from 'tar-stream';
import type { ArchiveSource } from './zip-stream.js';

/**
 * The tar `tarFiles` makes, written entry by entry into `sink` in the order given (sorted by the
 * caller), each file read only when its turn comes and handed on before the next is read: for an
 * edition bag as a tar, which holds every document.
 */
export async function streamTar(files: Iterable<ArchiveSource>, mtimeUtc: string, sink: (bytes: Uint8Array) => void): Promise<void> {
  const pack = tarStream.pack();
  const header = { mtime: new Date(mtimeUtc), uid: 0, gid: 0, uname: '', gname: '' };
  const ended = new Promise<void>((resolve, reject) => {
    pack.on('data', (chunk: unknown) => sink(chunk as Uint8Array));
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  // Resolves when the pack has taken the entry: one file at a time is held.
  const add = (entry: Parameters<typeof pack.entry>[0], bytes?: Buffer): Promise<void> =>
    new Promise((resolve, reject) => {
      const done = (error?: Error | null): void => (error ? reject(error) : resolve());
      if (bytes === undefined) pack.entry(entry, done);
      else pack.entry(entry, bytes, done);
    });
  const written = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const dir = parts.slice(0, i).join('/');
      if (written.has(dir)) continue;
      written.add(dir);
      await add({ ...header, name: `${dir}/`, type: 'directory', mode: 0o755 });
    }
    const bytes = file.read();
    await add({ ...header, name: file.path, type: 'file', mode: 0o644, size: bytes.length }, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  pack.finalize();
  await ended;
}
