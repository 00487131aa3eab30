import type { Block } from '../../model/blocks.js';
import type { Cable, EntityKind } from '../../model/cable.js';
import { collectDates } from '../../model/collect-dates.js';
import type { Inline } from '../../model/inline.js';
import { slugify } from '../../text/slugify.js';
import { ID, KNOWN_DOCUMENT_TYPES } from '../vocabulary.js';

/** What the encoder of one cable needs to know beyond the block it is writing: ids and look-ups. */
export interface EncodeContext {
  cable: Cable;
  /** Inference reason (verbatim) → category id in the inference taxonomy, first-seen order. */
  inferenceIds: Map<string, string>;
  /** Document type (verbatim) → category id in the doctype taxonomy: the controlled list, then the cable's own. */
  doctypeIds: Map<string, string>;
  /** xml:ids of the translators' respStmts, for supplied/@resp and gloss/@resp. */
  translatorRespIds: string[];
  entityKinds: Map<string, EntityKind>;
  usesHandwriting: boolean;
}

function inlineHasHandwriting(segments: readonly Inline[]): boolean {
  return segments.some(
    (s) =>
      (s.kind === 'stamp' && s.stampType === 'handwriting') ||
      ('content' in s && Array.isArray(s.content) && inlineHasHandwriting(s.content)),
  );
}

function blockInlines(block: Block): Inline[][] {
  switch (block.kind) {
    case 'heading':
    case 'salute':
    case 'marking':
    case 'paragraph':
      return [block.content];
    case 'fields':
      return block.fields.map((f) => f.value);
    case 'list':
      return block.items.map((i) => i.content);
    case 'speech':
      return [block.speaker, block.content];
    case 'closer':
      return block.lines.map((l) => l.content);
    case 'notes':
      return [...(block.heading ? [block.heading] : []), ...block.notes.map((n) => n.content)];
    case 'document':
      return block.blocks.flatMap(blockInlines);
    case 'separator':
    case 'gap':
      return [];
  }
}

function documentTypes(blocks: readonly Block[], out: string[]): void {
  for (const b of blocks) {
    if (b.kind !== 'document') continue;
    if (b.documentType !== undefined) out.push(b.documentType);
    documentTypes(b.blocks, out);
  }
}

function inferenceReasons(cable: Cable): string[] {
  const out: (string | undefined)[] = [cable.idInferred, cable.titleInferred];
  for (const r of cable.archiveReferences) out.push(r.archiveNameInferred, r.countryInferred);
  out.push(cable.originalLanguage?.inferred, cable.translationLanguage?.inferred);
  for (const e of cable.entities) out.push(e.inferred);
  for (const a of [...cable.senders, ...cable.addressees, ...cable.participants]) out.push(a.inferred);
  out.push(cable.sentFrom?.inferred, cable.receivedAt?.inferred);
  for (const d of collectDates(cable)) out.push(d.inferred);
  return out.filter((x): x is string => x !== undefined);
}

export function buildEncodeContext(cable: Cable): EncodeContext {
  const inferenceIds = new Map<string, string>();
  for (const reason of inferenceReasons(cable)) {
    if (!inferenceIds.has(reason)) inferenceIds.set(reason, ID.inference(inferenceIds.size + 1));
  }

  const doctypeIds = new Map<string, string>();
  const usedIds = new Set<string>();
  const types = [...KNOWN_DOCUMENT_TYPES];
  if (cable.documentType !== undefined) types.push(cable.documentType);
  documentTypes(cable.body, types);
  for (const t of types) {
    if (doctypeIds.has(t)) continue;
    const base = ID.doctype(slugify(t) || 'x');
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    doctypeIds.set(t, id);
  }

  const translatorRespIds: string[] = [];
  cable.contributors.forEach((c, i) => {
    if (c.role === 'translator') translatorRespIds.push(ID.contributor(i + 1));
  });

  return {
    cable,
    inferenceIds,
    doctypeIds,
    translatorRespIds,
    entityKinds: new Map(cable.entities.map((e) => [e.id, e.kind])),
    usesHandwriting: cable.body.some((b) => blockInlines(b).some(inlineHasHandwriting)),
  };
}

/** "#id" for @ana when the value was inferred. */
export function anaFor(ctx: EncodeContext, inferred: string | undefined): string | undefined {
  if (inferred === undefined) return undefined;
  const id = ctx.inferenceIds.get(inferred);
  return id === undefined ? undefined : `#${id}`;
}

export function translatorResp(ctx: EncodeContext): string | undefined {
  return ctx.translatorRespIds.length > 0 ? ctx.translatorRespIds.map((id) => `#${id}`).join(' ') : undefined;
}
