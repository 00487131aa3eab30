import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DC_SCHEMA_DIR, validateWithXsd } from './xsd-validator.js';

export type DcKind = 'oai_dc' | 'qdc';

const SCHEMA: Record<DcKind, string> = { oai_dc: 'oai-dc.xsd', qdc: 'qualified-dc.xsd' };

/** Validates a DC record against the project's own XSD (schemas/dc/): diagnostics "dc/invalid-oai-dc" | "dc/invalid-qdc". */
export function validateDc(xml: string, kind: DcKind, file?: string): Diagnostic[] {
  const code = kind === 'oai_dc' ? 'dc/invalid-oai-dc' : 'dc/invalid-qdc';
  return validateWithXsd(xml, join(DC_SCHEMA_DIR, SCHEMA[kind]), code, file);
}
