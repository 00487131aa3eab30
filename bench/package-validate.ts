import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ocfl from '@ocfl/ocfl-fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readSafBatch, unzipAll } from '../tests/package/saf-reader.js';
import { repoRoot } from './repo-root.js';

/**
 * The checks of the packaging bench, each by a validator cablekit did not write: coreutils over
 * every bag, the OCFL JavaScript library and the official inventory schema over every object,
 * xmllint and the official XSDs over every METS document, and the SAF reader of the tests (which
 * follows DSpace's documentation) over the batch zip. Each returns the problems it found.
 */

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const schemas = new URL('schemas/official/', repoRoot());

function folders(dir: string): string[] {
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Every bag's four manifests by sha256sum/sha512sum -c (one shell for all bags), and Payload-Oxum recounted. */
export function checkBags(bagitDir: string): string[] {
  const script = 'for b in */; do (cd "$b" && sha256sum --strict --quiet -c manifest-sha256.txt && sha256sum --strict --quiet -c tagmanifest-sha256.txt && sha512sum --strict --quiet -c manifest-sha512.txt && sha512sum --strict --quiet -c tagmanifest-sha512.txt) >/dev/null 2>&1 || echo "$b"; done';
  const run = spawnSync('sh', ['-c', script], { cwd: bagitDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const problems = run.stdout.split('\n').filter((l) => l !== '').map((b) => `bag ${b}: a manifest does not verify`);
  for (const bag of folders(bagitDir)) {
    const payload = filesUnder(join(bagitDir, bag, 'data'));
    const octets = payload.reduce((sum, f) => sum + statSync(join(bagitDir, bag, 'data', f)).size, 0);
    if (!readFileSync(join(bagitDir, bag, 'bag-info.txt'), 'utf8').includes(`Payload-Oxum: ${octets}.${payload.length}\n`)) problems.push(`bag ${bag}: Payload-Oxum is not ${octets}.${payload.length}`);
  }
  return problems;
}

/** Every object read back by @ocfl/ocfl-fs, each version's content hashed again, each inventory against the official schema. */
export async function checkOcfl(root: string): Promise<{ objects: number; problems: string[] }> {
  const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(JSON.parse(readFileSync(new URL('ocfl-1.1-inventory_schema.json', schemas), 'utf8')) as object);
  const storage = await ocfl.storage({ root }).load();
  const problems: string[] = [];
  let objects = 0;
  for await (const object of storage) {
    objects += 1;
    try {
      await object.load();
      const inventory = await object.getInventory();
      if (!validate(JSON.parse(readFileSync(join(object.root, 'inventory.json'), 'utf8')))) problems.push(`${inventory.id}: inventory fails the schema: ${JSON.stringify(validate.errors)}`);
      for (const version of Object.keys(inventory.versions)) {
        for (const file of await object.files(version)) {
          const digest = createHash('sha512').update(await file.buffer()).digest('hex');
          if (digest !== file.digest) problems.push(`${inventory.id} ${version} ${file.logicalPath}: content does not match its digest`);
        }
      }
    } catch (error) {
      problems.push(`${object.root}: ${(error as Error).message}`);
    }
  }
  return { objects, problems };
}

/** Every METS document against the official METS 1.12 + PREMIS 3 XSDs, in batches of xmllint runs. */
export function checkMets(metsDir: string): string[] {
  const files = folders(metsDir).map((d) => join(metsDir, d, 'METS.xml'));
  const problems: string[] = [];
  for (let i = 0; i < files.length; i += 200) {
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', new URL('mets-premis-driver.xsd', schemas).pathname, ...files.slice(i, i + 200)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) return [`xmllint: ${run.error.message}`];
    problems.push(...run.stderr.split('\n').filter((l) => l !== '' && !l.endsWith(' validates')));
  }
  return problems;
}

/** The SAF batch zip read as DSpace's importer reads it. */
export async function checkSaf(safDir: string): Promise<{ items: number; problems: string[] }> {
  const reading = readSafBatch(await unzipAll(readFileSync(join(safDir, 'import.zip'))));
  return { items: reading.items.length, problems: reading.problems };
}

/** Flips one payload byte of the first bag and of the first OCFL content file: both checks must then fail. */
export async function tamperingDetected(bagitDir: string, ocflRoot: string): Promise<{ bag: boolean; ocfl: boolean }> {
  const bag = folders(bagitDir)[0] as string;
  const file = join(bagitDir, bag, 'data', filesUnder(join(bagitDir, bag, 'data'))[0] as string);
  const original = readFileSync(file);
  const flipped = Buffer.from(original);
  flipped[0] = (flipped[0] as number) ^ 1;
  writeFileSync(file, flipped);
  const bagCaught = checkBags(bagitDir).some((p) => p.startsWith(`bag ${bag}/`));
  writeFileSync(file, original);

  const content = filesUnder(ocflRoot).find((p) => /\/v1\/content\//.test(p)) as string;
  const before = readFileSync(join(ocflRoot, content));
  const changed = Buffer.from(before);
  changed[0] = (changed[0] as number) ^ 1;
  writeFileSync(join(ocflRoot, content), changed);
  const ocflCaught = (await checkOcfl(ocflRoot)).problems.some((p) => p.includes('does not match its digest'));
  writeFileSync(join(ocflRoot, content), before);
  return { bag: bagCaught, ocfl: ocflCaught };
}
