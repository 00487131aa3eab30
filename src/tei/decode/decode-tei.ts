import { DiagnosticBag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Block } from '../../model/blocks.js';
import type { Cable } from '../../model/cable.js';
import { guardXmlInput, type InputLimits } from '../xml/guard-input.js';
import { checkTeiNamespace } from '../xml/namespace.js';
import { parseXmlTree } from '../xml/parse-xml.js';
import { attr, firstChild, type XElement } from '../xml/xml-tree.js';
import { buildDecodeContext, type DecodeContext } from './decode-context.js';
import { decodeBlocks } from './decode-body.js';
import { decodeHeader, encodedWhen } from './decode-header.js';

export interface DecodeResult {
  cable?: Cable;
  diagnostics: Diagnostic[];
  /** When cablekit last encoded the file (its revisionDesc change): corpus files that need a "last updated" use it. */
  encodedWhen?: string;
}

function bodyBlocks(tei: XElement, ctx: DecodeContext): Block[] {
  const text = firstChild(tei, 'text');
  const div = text ? firstChild(firstChild(text, 'body') ?? text, 'div', (d) => attr(d, 'type') === 'document') : undefined;
  if (!div) {
    ctx.bag.error('tei/missing-body', 'No text/body/div[@type="document"]: the document has no text.', tei.line !== undefined ? { line: tei.line } : {});
  }
  return div ? decodeBlocks(div, ctx) : [];
}

/** The model from an already parsed and namespace-checked TEI tree (shared with validation). */
export function decodeTeiTree(tei: XElement, bag: DiagnosticBag): Cable {
  const ctx = buildDecodeContext(tei, bag);
  return { ...headerOf(tei, ctx), body: bodyBlocks(tei, ctx) };
}

/** Everything but the body, from such a tree: the same values decodeTeiTree gives, for callers that never read the text. */
export function decodeTeiHeaderTree(tei: XElement, bag: DiagnosticBag): Omit<Cable, 'body'> {
  return headerOf(tei, buildDecodeContext(tei, bag));
}

function headerOf(tei: XElement, ctx: DecodeContext): Omit<Cable, 'body'> {
  const header = decodeHeader(tei, ctx);
  if (header.id === '') ctx.bag.error('tei/missing-id', 'The TEI element has no xml:id, the document id.', { line: tei.line ?? 1 });
  return header;
}

/** Only the body blocks: what the reading-text rule needs. */
export function decodeTeiBody(tei: XElement, bag: DiagnosticBag): Block[] {
  return bodyBlocks(tei, buildDecodeContext(tei, bag));
}

/**
 * TEI (as written by `encodeTei`, or edited by hand) back to the cable model. Hostile input
 * (DOCTYPE, entities, deep nesting, huge files, wrong namespace, broken XML) gives diagnostics and
 * no cable; it never throws and never reads a file.
 */
export function decodeTei(xml: string, file?: string, limits?: InputLimits): DecodeResult {
  const bag = new DiagnosticBag(file);
  try {
    if (!guardXmlInput(xml, bag, limits)) return { diagnostics: bag.items };
    const root = parseXmlTree(xml, bag);
    const tei = root ? checkTeiNamespace(root, bag) : undefined;
    if (!tei) return { diagnostics: bag.items };
    const cable = decodeTeiTree(tei, bag);
    const when = encodedWhen(tei);
    return when !== undefined ? { cable, diagnostics: bag.items, encodedWhen: when } : { cable, diagnostics: bag.items };
  } catch (err) {
    // A bug of ours must not take the pipeline down with it: report it against the file.
    bag.error('tei/internal-error', `Decoding failed: ${err instanceof Error ? err.message : String(err)}`);
    return { diagnostics: bag.items };
  }
}

/**
 * revisionDesc/change/@when of cablekit's own change in a TEI file, or undefined: re-encoding a
 * cable with this value gives back the same bytes, so an unchanged input rewrites no file.
 */
export function readEncodingWhen(xml: string): string | undefined {
  const bag = new DiagnosticBag();
  if (!guardXmlInput(xml, bag)) return undefined;
  const root = parseXmlTree(xml, bag);
  return root ? encodedWhen(root) : undefined;
}
