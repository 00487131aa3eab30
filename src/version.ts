import { readFileSync } from 'node:fs';

/** The tool's version, read from package.json so TEI provenance names the exact release. */
export const TOOL_NAME = 'cablekit';
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
