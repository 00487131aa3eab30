import { Command, InvalidArgumentError, Option } from 'commander';
import { TOOL_VERSION } from '../version.js';

// Each command's module is loaded when that command runs: together they pull in every format,
// libxml2's WebAssembly, citeproc and the database drivers (about 0.6 s), which `--version`,
// `--help` or a build with nothing to do should not wait for.
const commands = {
  build: async () => (await import('./commands/build-command.js')).buildCommand,
  ingest: async () => (await import('./commands/ingest-command.js')).ingestCommand,
  init: async () => (await import('./commands/init-command.js')).initCommand,
  package: async () => (await import('./commands/package-command.js')).packageCommand,
  serve: async () => (await import('./commands/serve-command.js')).serveCommand,
  validate: async () => (await import('./commands/validate-command.js')).validateCommand,
};

function parseJobs(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 256) throw new InvalidArgumentError('give a whole number from 1 to 256');
  return n;
}

/**
 * The command-line interface. Each action stores its exit code through `setExitCode` rather
 * than exiting, so output is flushed and a running server is not cut short.
 */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('cablekit')
    .description('Turn translated archival cables into TEI P5, IIIF Presentation 3, Dublin Core and OAI-PMH.')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run "cablekit --help" for usage)')
    .exitOverride();

  program
    .command('ingest')
    .description('read source pages and print the cable model and diagnostics')
    .argument('<paths...>', 'page files (*.txt) or folders of them')
    .option('--json', 'print the models and diagnostics as one JSON array')
    .option('-c, --config <file>', "config file whose name register is used, as the build uses it (default: ./cablekit.config.json when there is one)")
    .option('--no-progress', 'no progress bar')
    .option('-v, --verbose', 'also print info diagnostics')
    .action(async (paths: string[], opts: { json?: boolean; verbose?: boolean; progress?: boolean; config?: string }) => setExitCode(await (await commands.ingest())(paths, opts)));

  program
    .command('init')
    .description('start an edition: a commented cablekit.config.json and an empty sources/ folder')
    .argument('[dir]', 'folder of the new edition', '.')
    .action(async (dir: string) => setExitCode((await commands.init())(dir)));

  program
    .command('build')
    .description('run the pipeline: sources → TEI → IIIF, Dublin Core, … (from cablekit.config.json)')
    .option('-c, --config <file>', 'config file (default: ./cablekit.config.json)')
    .option('-f, --force', 'overwrite TEI files that were edited by hand')
    .option('--report <file.json>', 'write a machine-readable report of every document')
    .option('--no-progress', 'no progress bar')
    .option('-v, --verbose', 'also print info diagnostics')
    .option('-q, --quiet', 'print errors only (warnings are still counted and in the report)')
    .option('-j, --jobs <n>', 'worker threads for document work (default: one per core); outputs do not depend on it', parseJobs)
    .action(async (opts: { config?: string; force?: boolean; report?: string; progress?: boolean; verbose?: boolean; quiet?: boolean; jobs?: number }) =>
      setExitCode(await (await commands.build())(opts)),
    );

  program
    .command('validate')
    .description('validate TEI (.xml), Dublin Core (.oai_dc.xml, .qdc.xml) and IIIF (.json) files; default: the edition\'s tei/, output/iiif/ and output/dc/')
    .argument('[paths...]', 'files or folders to validate')
    .option('-c, --config <file>', 'config file, for the default folders')
    .option('-v, --verbose', 'also print info diagnostics')
    .action(async (paths: string[], opts: { config?: string; verbose?: boolean }) => setExitCode(await (await commands.validate())(paths, opts)));

  program
    .command('package')
    .description('write deposit packages (BagIt, OCFL, METS + PREMIS, Archivematica, DSpace SAF) from the TEI and the built outputs')
    .argument('[ids...]', 'document ids to package (default: every TEI file)')
    .requiredOption('--format <formats>', 'bagit, ocfl, mets, archivematica, saf (comma-separated) or all')
    .option('-o, --out <dir>', 'packages folder (default: packages/ beside the output folder)')
    .option('--serialization <how>', 'BagIt bags as dir, zip or tar', 'dir')
    .option('--edition-bag', 'also one bag holding the whole edition')
    .option('-c, --config <file>', 'config file (default: ./cablekit.config.json)')
    .option('-v, --verbose', 'also print info diagnostics')
    .option('-j, --jobs <n>', 'worker threads (default: one per core, for 64 TEI files or more); the packages do not depend on it', parseJobs)
    .action(async (ids: string[], opts: { format: string; out?: string; serialization?: string; editionBag?: boolean; config?: string; verbose?: boolean; jobs?: number }) =>
      setExitCode(await (await commands.package())(ids, opts)),
    );

  program
    .command('serve')
    .description('serve the OAI-PMH endpoint and the outputs over HTTP')
    .option('-c, --config <file>', 'config file (default: ./cablekit.config.json)')
    .addOption(new Option('-p, --port <number>', 'port').default('8080'))
    .addOption(new Option('-H, --host <host>', 'host to listen on').default('127.0.0.1'))
    .action(async (opts: { config?: string; port?: string; host?: string }) => setExitCode(await (await commands.serve())(opts)));

  return program;
}
