import { createHash } from 'node:crypto';

const MAX_NAME = 120;

/**
 * A document id as one path segment that stays inside its folder whatever the id holds: letters,
 * digits, '-' and '_' are kept; every other character (including '/', '\', '.', NUL) becomes
 * '~' and its UTF-8 bytes in hex ('~U' and the code unit for a lone surrogate), so two ids never
 * share a name. An empty id is '~'. Long names are
 * cut and given '~~' and a hash of the whole id, so they stay unique and within file-system limits.
 * No '%' (BagIt manifests would have to escape it) and no '.' (so 'name.zip' never meets an id).
 */
export function safeName(id: string): string {
  let out = '';
  for (const ch of id) {
    const code = ch.codePointAt(0) as number;
    if (/^[A-Za-z0-9_-]$/.test(ch)) out += ch;
    // A lone surrogate has no UTF-8 form (Buffer would give U+FFFD's bytes for every one of them).
    else if (code >= 0xd800 && code <= 0xdfff) out += `~U${code.toString(16).toUpperCase()}`;
    else out += [...Buffer.from(ch, 'utf8')].map((b) => `~${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  if (out === '') return '~';
  if (out.length <= MAX_NAME) return out;
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 16);
  return `${out.slice(0, MAX_NAME - 18)}~~${hash}`;
}

/** True when a relative '/'-path has no empty, '.', '..' or absolute parts (checked before any write). */
export function isContainedPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
