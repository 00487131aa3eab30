import { readFileSync } from 'node:fs';
import { RelaxNGValidator, XmlDocument } from 'libxml2-wasm';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { parseXmlTree } from '../xml/parse-xml.js';
import { liftedChecks, liftPatterns, type LiftedChecks, type LiftedPattern } from './lifted-patterns.js';
import { buildSchemaVocabulary, isGrammar, type SchemaVocabulary } from './schema-vocabulary.js';

/** The project's own RELAX NG schema for the cable TEI profile, shipped in `schemas/`. */
export const PROJECT_SCHEMA_URL = new URL('../../../schemas/cable-tei.rng', import.meta.url);

let compiled: RelaxNGValidator | undefined;
let lifted: readonly LiftedPattern[] = [];
let vocabulary: SchemaVocabulary | undefined;
let checks: LiftedChecks | undefined;
let schemaText: string | undefined;

function projectSchemaText(): string {
  return (schemaText ??= readFileSync(PROJECT_SCHEMA_URL, 'utf8'));
}

/** Per-element names, attributes and values of the project schema, for precise positions. */
export function projectSchemaVocabulary(): SchemaVocabulary {
  if (vocabulary === undefined) {
    const bag = new DiagnosticBag(PROJECT_SCHEMA_URL.pathname);
    const grammar = parseXmlTree(projectSchemaText(), bag);
    if (!isGrammar(grammar)) throw new Error(`cannot read ${PROJECT_SCHEMA_URL.pathname}`);
    vocabulary = buildSchemaVocabulary(grammar);
  }
  return vocabulary;
}

/**
 * Compiled once per process and kept: compiling costs far more than validating one cable. The
 * schema is the project's own file, read once; validation itself touches no file. libxml2 gets it
 * with the patterns of lifted-patterns.ts left out: `checkLiftedPatterns` applies those.
 */
export function projectSchemaValidator(): RelaxNGValidator {
  if (compiled === undefined) {
    const forLibxml2 = liftPatterns(projectSchemaText());
    const schemaDoc = XmlDocument.fromString(forLibxml2.grammar);
    try {
      compiled = RelaxNGValidator.fromDoc(schemaDoc);
      lifted = forLibxml2.lifted;
    } finally {
      schemaDoc.dispose();
    }
  }
  return compiled;
}

/** The checks that stand in for the patterns the compiled schema leaves out. */
export function projectSchemaLiftedChecks(): LiftedChecks {
  projectSchemaValidator();
  return (checks ??= liftedChecks(projectSchemaVocabulary(), lifted));
}
