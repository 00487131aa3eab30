// The bench compiles src/ a second time into dist-bench/src/, where the code finds its schemas,
// authority files and package.json one folder up (as dist/ does at the project root): link them in.
import { existsSync, lstatSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../dist-bench/', import.meta.url));
for (const name of ['schemas', 'authority', 'assets', 'package.json']) {
  const link = out + name;
  let present = existsSync(link);
  try { present ||= lstatSync(link).isSymbolicLink(); } catch { /* absent */ }
  if (!present) symlinkSync(`../${name}`, link);
}
