/** Exit codes of every cablekit command (documented in docs/cli.md). */
export const EXIT_OK = 0;
/** At least one document or file failed; the others were still processed. */
export const EXIT_FAILED = 1;
/** The command line itself was wrong (unknown option, missing argument, missing config file…). */
export const EXIT_USAGE = 2;

/** A problem with how cablekit was called: reported in one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
