import { causeChain } from '../diagnostics/error-chain.js';

/**
 * The file-system error (ENOSPC, EROFS, EACCES, EISDIR, ENOTDIR, …) in `error`'s cause chain, if
 * any: what a full disk, a read-only folder or a file in the way throws, as opposed to a bug.
 */
export function fileSystemCause(error: unknown): { code: string; path?: string } | undefined {
  for (const e of causeChain(error)) {
    if (!(e instanceof Error)) continue;
    const { code, syscall, path } = e as NodeJS.ErrnoException;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string') {
      return path !== undefined ? { code, path } : { code };
    }
  }
  return undefined;
}
