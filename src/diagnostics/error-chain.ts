/**
 * Wrapped errors keep what they wrap in `cause` (ES2022). These helpers read the whole chain, so a
 * report says why, not only what, and `CABLEKIT_DEBUG=1` can show every stack down to the root.
 */

/** The errors from `error` down its `cause` chain (at most 20, so a cycle cannot loop). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 20 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "cannot read X: EISDIR: illegal operation…": every message of the chain, outermost first. */
export function chainMessage(error: unknown): string {
  return causeChain(error).map(messageOf).join(': ');
}

/** Every stack of the chain, each cause introduced by "Caused by:" (for CABLEKIT_DEBUG only). */
export function chainStack(error: unknown): string {
  return causeChain(error)
    .map((e, i) => `${i === 0 ? '' : 'Caused by: '}${e instanceof Error && e.stack ? e.stack : messageOf(e)}`)
    .join('\n');
}

/** True when the user asked for internal details (CABLEKIT_DEBUG set to anything but "" or "0"). */
export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CABLEKIT_DEBUG'];
  return value !== undefined && value !== '' && value !== '0';
}
