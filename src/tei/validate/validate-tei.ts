import { ParseOption, XmlDocument, XmlLibError } from 'libxml2-wasm';
import { DiagnosticBag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Cable } from '../../model/cable.js';
import { decodeTeiBody, decodeTeiHeaderTree, decodeTeiTree } from '../decode/decode-tei.js';
import { DEFAULT_LIMITS, guardDepth, guardSizeAndDoctype, type InputLimits } from '../xml/guard-input.js';
import { indexElementList } from '../xml/element-index.js';
import { checkTeiNamespace } from '../xml/namespace.js';
import { scanXmlTree } from '../xml/scan-xml.js';
import { checkLiftedPatterns } from './lifted-patterns.js';
import { projectSchemaLiftedChecks, projectSchemaValidator, projectSchemaVocabulary } from './project-schema.js';
import { checkVocabulary } from './schema-vocabulary.js';
import { checkDates } from './rules/check-dates.js';
import { checkRequiredHeader } from './rules/check-header.js';
import { checkIdsAndPointers } from './rules/check-ids-and-pointers.js';
import { checkReadingText, checkTruncation } from './rules/check-reading-text.js';

export interface ValidateOptions {
  limits?: InputLimits;
}

function libxmlDetails(err: unknown): { message: string; line?: number; col?: number }[] {
  if (err instanceof XmlLibError && err.details.length > 0) return err.details;
  return [{ message: err instanceof Error ? err.message : String(err) }];
}

function position(d: { line?: number; col?: number }): { line?: number; column?: number } {
  return {
    ...(d.line !== undefined && d.line > 0 ? { line: d.line } : {}),
    ...(d.col !== undefined && d.col > 0 ? { column: d.col } : {}),
  };
}

/**
 * Everything cablekit checks in one TEI file, in order: hostile input (size, DOCTYPE), then
 * well-formedness and nesting depth, namespace, the project schema (schemas/cable-tei.rng, libxml2
 * RELAX NG), then rules the schema cannot express. Returns diagnostics with stable codes and
 * lines; never throws.
 */
export function validateTei(xml: string, file?: string, options: ValidateOptions = {}): Diagnostic[] {
  return checkTei(xml, file, options, false).diagnostics;
}

/**
 * validateTei, and the model decoded from the same parse when the file is well-formed enough to
 * have one: for callers that need both (packaging), which would otherwise parse every file twice.
 * The diagnostics are validateTei's plus the decoder's; the cable is only worth using when none
 * of them is an error.
 */
export function validateAndDecodeTei(xml: string, file?: string, options: ValidateOptions = {}): { diagnostics: Diagnostic[]; cable?: Cable } {
  return checkTei(xml, file, options, true);
}

/**
 * The model but its body, of a TEI file whose very bytes already passed these checks (the build
 * keeps that verdict, by checksum): decoded from the same scanned tree as validateAndDecodeTei, so
 * both give the same values, without libxml2, the schema or the rules. Only the decoder's findings
 * come back.
 */
export function decodeCheckedTeiHeader(xml: string, file?: string): { diagnostics: Diagnostic[]; cable?: Omit<Cable, 'body'> } {
  const bag = new DiagnosticBag(file);
  try {
    const scanned = scanXmlTree(xml);
    const tei = scanned ? checkTeiNamespace(scanned.root, bag, scanned.elements) : undefined;
    if (!tei) return { diagnostics: bag.items };
    const cable = decodeTeiHeaderTree(tei, bag);
    return { diagnostics: bag.items, cable };
  } catch (err) {
    bag.error('tei/internal-error', `Decoding failed: ${err instanceof Error ? err.message : String(err)}`);
    return { diagnostics: bag.items };
  }
}

function checkTei(xml: string, file: string | undefined, options: ValidateOptions, wantCable: boolean): { diagnostics: Diagnostic[]; cable?: Cable } {
  const bag = new DiagnosticBag(file);
  let cable: Cable | undefined;
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    // Depth is checked after libxml2's parse, which refuses more than 256 levels itself: on that
    // refusal, or when the scanned tree is deeper than a lower limit, the guard names the first
    // tag too deep. Well-formed files, nearly all of them, are not read a third time for it.
    if (!guardSizeAndDoctype(xml, bag, limits)) return { diagnostics: bag.items };
    let doc: XmlDocument;
    try {
      // No entity substitution, no DTD loading, no network (the DOCTYPE is refused above anyway).
      // SKIP_IDS: duplicate xml:ids are a rule of ours (tei/duplicate-id), not a parse failure.
      // From UTF-8 bytes: cheaper than libxml2-wasm's string path, which copies the text twice.
      // COMPACT: short texts live in their node (fewer allocations); the tree is only read, never changed.
      // NOBLANKS: indentation between elements is not kept as text nodes. The tree serves only the
      // schema, RELAX NG ignores white-space-only text between elements, and libxml2 still keeps
      // it next to other text and as an element's only content: the same verdict, a smaller tree.
      doc = XmlDocument.fromBuffer(Buffer.from(xml, 'utf8'), {
        option:
          ParseOption.XML_PARSE_NONET |
          ParseOption.XML_PARSE_NO_XXE |
          ParseOption.XML_PARSE_SKIP_IDS |
          ParseOption.XML_PARSE_COMPACT |
          ParseOption.XML_PARSE_NOBLANKS,
      });
    } catch (err) {
      if (!guardDepth(xml, bag, limits.maxDepth)) return { diagnostics: bag.items };
      for (const d of libxmlDetails(err).slice(0, 5)) {
        bag.error('tei/not-well-formed', `Not well-formed XML: ${d.message.trim()}`, position(d));
      }
      return { diagnostics: bag.items };
    }
    try {
      // libxml2 has accepted the XML as well-formed; the scanner rebuilds it with lines, cheaply.
      const scanned = scanXmlTree(xml);
      if (scanned && scanned.depth > limits.maxDepth && !guardDepth(xml, bag, limits.maxDepth)) return { diagnostics: bag.items };
      const index = scanned ? indexElementList(scanned.elements) : undefined;
      const tei = scanned ? checkTeiNamespace(scanned.root, bag, index?.all) : undefined;
      if (!tei || !index) return { diagnostics: bag.items };
      try {
        projectSchemaValidator().validate(doc);
        // libxml2 accepted the file: the patterns it was not given are checked here. (When it
        // refuses a file, the vocabulary pass below checks them along with everything else.)
        checkLiftedPatterns(index, projectSchemaLiftedChecks(), bag);
      } catch (err) {
        // libxml2 often reports a bad child at its parent's line: name the exact element and
        // attribute from the grammar's vocabulary, and fall back to libxml2's words if that finds nothing.
        if (checkVocabulary(tei, projectSchemaVocabulary(), bag) === 0) {
          for (const d of libxmlDetails(err)) {
            bag.error('tei/schema', `Not allowed by the cable TEI profile: ${d.message.trim()}`, {
              ...position(d),
              hint: 'See schemas/cable-tei.rng and the editorial policy in the file header.',
            });
          }
        }
      }
      checkIdsAndPointers(index, bag);
      checkRequiredHeader(tei, index, bag);
      checkDates(tei, index, bag);
      checkTruncation(index, bag);
      // The reading-text rule needs the body as the model; decoder warnings about unknown markup come
      // with it. A caller that wants the whole model gets it from this tree (the header costs little).
      if (wantCable) cable = decodeTeiTree(tei, bag);
      checkReadingText(index, cable ?? { body: decodeTeiBody(tei, bag) }, bag);
    } finally {
      doc.dispose();
    }
  } catch (err) {
    bag.error('tei/internal-error', `Validation failed: ${err instanceof Error ? err.message : String(err)}`);
    return { diagnostics: bag.items };
  }
  return { diagnostics: bag.items, ...(cable ? { cable } : {}) };
}
