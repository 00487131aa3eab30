#!/usr/bin/env node
// Checks that the Debian packages the tests need (scripts/debian-packages.txt) are installed, and
// installs the missing ones when it can (as root, or with sudo that asks no password). Otherwise it
// stops at once with the one apt-get line to run. Plain Node, no dependencies: it runs before
// `npm ci` has built anything. Options: --list FILE (another list), --no-install (only check).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const listArg = args.indexOf('--list');
const listFile = listArg >= 0 ? args[listArg + 1] : fileURLToPath(new URL('debian-packages.txt', import.meta.url));
const mayInstall = !args.includes('--no-install');

/** Package names of the list: the first word of each line, `#` comments and blank lines ignored. */
function readList(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/)[0]);
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.endsWith(' installed');
}

function works(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'ignore' });
  return r.status === 0;
}

/** The command prefix that may install packages here: [] as root, ['sudo', '-n'], or undefined. */
function installer() {
  if (process.getuid?.() === 0) return [];
  if (works('sudo', ['-n', 'true'])) return ['sudo', '-n'];
  return undefined;
}

function stop(missing, why) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.error(
    `preflight: ${why}: the tests need the Debian package(s) ${missing.join(', ')} (listed in ${listFile}). Install them with:\n` +
      `  ${sudo}apt-get install -y --no-install-recommends ${missing.join(' ')}`,
  );
  process.exit(1);
}

const wanted = readList(listFile);
if (!works('dpkg-query', ['--version'])) stop(wanted, 'dpkg-query not found (not a Debian system?)');
const missing = wanted.filter((pkg) => !installed(pkg));
if (missing.length > 0) {
  const prefix = mayInstall ? installer() : undefined;
  if (prefix === undefined) stop(missing, mayInstall ? 'cannot install (not root, and sudo asks for a password)' : 'missing');
  console.log(`preflight: installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (cmdArgs) => {
    const [cmd, ...rest] = [...prefix, ...cmdArgs];
    return spawnSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env });
  };
  run(['apt-get', 'update', '-qq']);
  const done = run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const still = missing.filter((pkg) => !installed(pkg));
  if (done.status !== 0 || still.length > 0) stop(still.length ? still : missing, 'apt-get install failed');
}
console.log(`preflight: ${wanted.length} Debian packages present`);
