import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ATOMIC_TEMP_NAME } from '../fs/atomic-temp-files.js';

/** Where a URL path may be served from: the first segment names the folder. */
export interface Mount {
  /** First path segment ("tei"), or "" for the output folder at the root. */
  prefix: string;
  dir: string;
}

export type Resolved = { ok: true; path: string; mount: string } | { ok: false; status: 400 | 404 };

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

/**
 * Maps a URL path to a file inside one of the mounts, or says why not. Every segment is decoded
 * on its own, so "%2e%2e", "%2f" and "%5c" cannot climb out; symlinks are resolved and checked too.
 */
export function resolveSafePath(pathname: string, mounts: readonly Mount[]): Resolved {
  const raw = pathname.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const s of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return { ok: false, status: 400 };
    }
    if (decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded) || decoded.includes(':')) return { ok: false, status: 400 };
    segments.push(decoded);
  }
  const first = segments[0] ?? '';
  const mount = mounts.find((m) => m.prefix !== '' && m.prefix === first) ?? mounts.find((m) => m.prefix === '');
  if (!mount) return { ok: false, status: 404 };
  const rest = mount.prefix === '' ? segments : segments.slice(1);
  const path = resolve(mount.dir, ...rest);
  if (!inside(mount.dir, path)) return { ok: false, status: 400 };
  try {
    const real = realpathSync(path);
    if (!inside(realpathSync(mount.dir), real)) return { ok: false, status: 404 };
    return { ok: true, path: real, mount: first };
  } catch {
    return { ok: false, status: 404 };
  }
}


/**
 * False for URL paths the server must never publish, whatever is on disk: any segment that starts
 * with a dot (the build state `.cablekit-state.json`, the `.cablekit/` bookkeeping, `.cablekit-tmp/`)
 * and the temp file an interrupted atomic write may leave. Decoded per segment, as resolveSafePath does.
 */
export function isPublishable(pathname: string): boolean {
  for (const s of pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return false;
    }
    if (decoded.startsWith('.') || ATOMIC_TEMP_NAME.test(decoded)) return false;
  }
  return true;
}
