import { readFileSync } from 'node:fs';
import { parseRegisterJson } from './parse-register.js';
import type { NameRegister } from './register.js';

/** The register cablekit ships (authority/names.json at the package root). */
export const SHIPPED_NAME_REGISTER = new URL('../../authority/names.json', import.meta.url);

let cached: NameRegister | undefined;

/**
 * cablekit's own register, read once. It is part of the package: a missing or broken file is a
 * packaging bug, so it throws rather than quietly marking nothing.
 */
export function shippedRegister(): NameRegister {
  if (cached) return cached;
  const { register, problems } = parseRegisterJson(JSON.parse(readFileSync(SHIPPED_NAME_REGISTER, 'utf8')), 'shipped');
  if (problems.length > 0) throw new Error(`authority/names.json: ${problems.map((p) => p.message).join(' ')}`);
  cached = register;
  return register;
}
