#!/usr/bin/env node
import { CommanderError } from 'commander';
import { chainMessage, chainStack, debugEnabled } from '../diagnostics/error-chain.js';
import { tuneV8ForBatchWork } from '../runtime/v8-tuning.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import { createProgram } from './program.js';

/**
 * Entry point of the `cablekit` binary. Every failure ends here as one clear line and an exit
 * code (0 ok, 1 a document failed, 2 usage) — never as a stack trace.
 */
async function main(argv: string[]): Promise<void> {
  tuneV8ForBatchWork();
  const program = createProgram((code) => {
    process.exitCode = code;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version text).
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`cablekit: ${error.message}\n`);
    return EXIT_USAGE;
  }
  reportUnexpected(error);
  return EXIT_FAILED;
}

/** One line with the whole cause chain; the stacks only when CABLEKIT_DEBUG=1 asks for them. */
function reportUnexpected(error: unknown): void {
  process.stderr.write(`cablekit: unexpected failure: ${chainMessage(error)}\n`);
  if (debugEnabled()) process.stderr.write(`${chainStack(error)}\n`);
  else process.stderr.write('cablekit: this is a bug or an environment problem; run again with CABLEKIT_DEBUG=1 for details\n');
}

process.on('uncaughtException', (error) => {
  reportUnexpected(error);
  process.exit(EXIT_FAILED);
});
process.on('unhandledRejection', (reason) => {
  reportUnexpected(reason);
  process.exit(EXIT_FAILED);
});
// `cablekit ingest --json … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

// The event loop ran empty while the command still waited: a helper process it was waiting for
// died without a word (the search indexer does on a full disk). Said so, and exit 1, not Node's 13.
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  reportUnexpected(new Error('the command stopped before it finished: a helper process it was waiting for (such as the search indexer) ended without an answer'));
  process.exit(EXIT_FAILED);
});

await main(process.argv);
finished = true;
