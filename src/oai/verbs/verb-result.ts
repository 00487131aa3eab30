import type { OaiError } from '../oai-arguments.js';

/**
 * What a verb answers: its body, or protocol errors plus the request arguments that may be echoed
 * in `<request>` (never the argument that caused the error). A body may come in parts (list pages).
 */
export type VerbResult = { body: string | readonly string[] } | { errors: OaiError[]; echo: Record<string, string> };

export function only(args: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if (args[n] !== undefined) out[n] = args[n];
  return out;
}
