/**
 * The edition's own name register, read here (the I/O edge) and handed to ingest, which stays
 * pure. `namesFile` in the config names it; without it, `names.csv` or `names.xml` beside the
 * config file is used when there is one. CSV or TEI by the file's extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CablekitConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toPortableRelative } from '../fs/index.js';
import { parseRegisterCsv, type NameRegister } from '../names/index.js';
import { parseRegisterTei } from '../tei/index.js';
import { DEFAULT_NAMES_FILES } from '../edition/layout.js';

export { DEFAULT_NAMES_FILES };

export function readNameRegister(config: Pick<CablekitConfig, 'namesFile'>, rootDir: string): { register?: NameRegister; diagnostics: Diagnostic[] } {
  const file = config.namesFile ?? DEFAULT_NAMES_FILES.map((n) => join(rootDir, n)).find((f) => existsSync(f));
  if (file === undefined) return { diagnostics: [] };
  const shown = toPortableRelative(rootDir, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      diagnostics: [
        {
          code: 'names/register-unreadable',
          severity: 'error',
          message: missing ? "the edition's name register does not exist" : `cannot read the edition's name register: ${(error as Error).message}`,
          hint: 'fix the "namesFile" setting in cablekit.config.json, or remove it to use only cablekit\'s register',
          file: shown,
        },
      ],
    };
  }
  const xml = ['.xml', '.tei'].includes(extname(file).toLowerCase());
  const { register, problems } = xml ? parseRegisterTei(text) : parseRegisterCsv(text);
  const diagnostics: Diagnostic[] = problems.map((p) => ({
    code: 'names/register-entry',
    severity: 'error',
    message: `${p.entry !== undefined ? 'register entry left out: ' : ''}${p.message}`,
    hint: xml
      ? 'each listPerson/listOrg/listPlace entry needs an xml:id, a name, an idno (an authority URI, or type wikidata|viaf|gnd|geonames) and <note type="checked">; see docs/names.md'
      : 'the columns are key,kind,name,variants,wikidata,viaf,gnd,geonames,lat,lon,checked; see docs/names.md',
    file: shown,
    ...(p.line !== undefined && p.line > 0 ? { line: p.line } : {}),
  }));
  return { register, diagnostics };
}
