import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode V8's optimising compiler may inline into one function, in total (V8's
 * default is 920). cablekit's batch work is a wide tree of small functions: an encoder per TEI
 * element, a pass per kind of source line, a check per rule. With the default budget each hot
 * top-level function inlines a large part of that tree, so its optimised code is big, slow to
 * compile (on the same cores the work needs) and compiled again after every deoptimisation:
 * with two TEI workers, compiling took about a third of all CPU time. In alternating runs of
 * the default and budgets of 300, 100, 40 and 0, 100 did best both for ingest on one core and
 * for TEI encode + validate; 0 (no inlining at all) did worse than the default. See "Benchmarks"
 * in the README.
 */
export const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative=100';

let applied = false;

/**
 * Sets the budget for this process (worker threads share it). Called once at the start of the
 * command-line tool and of the bench, before any hot code is optimised.
 */
export function tuneV8ForBatchWork(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(INLINING_BUDGET_FLAG);
}
