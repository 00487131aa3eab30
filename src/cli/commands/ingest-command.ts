import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Cable } from '../../model/cable.js';
import type { NameRegister } from '../../names/index.js';
import type { BuildDeps } from '../../pipeline/index.js';
import { readNameRegister } from '../../pipeline/read-name-register.js';
import { collectInputs } from '../collect-inputs.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../exit-codes.js';
import { loadConfigOrFail } from '../load-config-or-fail.js';
import { pipelineDeps } from '../pipeline-deps.js';
import { countBySeverity, printDiagnostics } from '../print-diagnostics.js';
import { createProgressReporter } from '../progress.js';

export interface IngestCommandOptions {
  json?: boolean;
  verbose?: boolean;
  progress?: boolean;
  /** The edition's config file, for its name register (default: cablekit.config.json here, if any). */
  config?: string;
}

interface IngestOutcome {
  path: string;
  documentId: string | null;
  cable: Cable | null;
  diagnostics: Diagnostic[];
}

/**
 * `cablekit ingest <files|dirs…>`: reads pages and prints the model and what ingest had to say.
 * Pages are read with the edition's name register, found as `cablekit build` finds it (the config
 * in the current folder or --config), so both mark the same names.
 */
export async function ingestCommand(paths: string[], options: IngestCommandOptions): Promise<number> {
  const files = collectInputs(paths, ['.txt']);
  if (files.length === 0) throw new UsageError(`no source pages (*.txt) found in ${paths.join(', ')}`);
  const { config, rootDir } = loadConfigOrFail(options.config, options.verbose ?? false);
  const names = readNameRegister(config, rootDir);
  const deps = pipelineDeps();
  const progress = createProgressReporter(files.length > 1 && options.progress !== false);
  const outcomes: IngestOutcome[] = files.map((file, index) => {
    const outcome = ingestOne(file, deps, names.register);
    progress.update({ phase: 'ingest', done: index + 1, total: files.length });
    return outcome;
  });
  progress.stop();

  if (options.json) {
    process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  } else {
    for (const outcome of outcomes) {
      process.stdout.write(`== ${outcome.path}${outcome.documentId ? ` → ${outcome.documentId}` : ''}\n`);
      if (outcome.cable) process.stdout.write(`${JSON.stringify(outcome.cable, null, 2)}\n`);
    }
  }
  // A register entry left out is the edition's problem, not one page's: reported once, and it fails the run as it fails a build.
  const all = [...names.diagnostics, ...outcomes.flatMap((o) => o.diagnostics)];
  // With --json the diagnostics are in the data already; still show them to a person on stderr.
  printDiagnostics(all, { verbose: options.verbose ?? false });
  const failed = outcomes.filter((o) => !o.cable || o.diagnostics.some((d) => d.severity === 'error')).length;
  const { errors, warnings } = countBySeverity(all);
  process.stderr.write(
    `Ingested ${outcomes.length - failed} of ${outcomes.length} page${outcomes.length === 1 ? '' : 's'} (${warnings} warnings, ${errors} errors)\n`,
  );
  return failed > 0 || names.diagnostics.some((d) => d.severity === 'error') ? EXIT_FAILED : EXIT_OK;
}

function ingestOne(file: string, deps: BuildDeps, register: NameRegister | undefined): IngestOutcome {
  const path = relative(process.cwd(), file).split(sep).join('/') || file;
  try {
    const size = statSync(file).size;
    if (deps.maxPageBytes !== undefined && size > deps.maxPageBytes) {
      return {
        path,
        documentId: null,
        cable: null,
        diagnostics: [{ code: 'ingest/too-large', severity: 'error', message: `the file is ${size} bytes; pages larger than ${deps.maxPageBytes} bytes are not read`, file: path }],
      };
    }
    const bytes = readFileSync(file);
    const result = register ? deps.ingest(bytes, path, { register }) : deps.ingest(bytes, path);
    return { path, documentId: result.cable?.id ?? null, cable: result.cable ?? null, diagnostics: result.diagnostics };
  } catch (error) {
    return {
      path,
      documentId: null,
      cable: null,
      diagnostics: [{ code: 'cli/unreadable', severity: 'error', message: `cannot read the file: ${(error as Error).message}`, file: path }],
    };
  }
}
