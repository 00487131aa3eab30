import type { Block, Note } from '../../model/blocks.js';
import type { BodyContext, BodyResult, SourceLine } from '../source-lines.js';
import { aliasDeclarations } from './alias-declarations.js';
import type { Draft, InlineBuilder } from './draft.js';
import { EntityRegistry } from './entity-registry.js';
import { NameMatcher, parseInline, type InlineContext } from './inline/index.js';
import { splitNotes, type NotesSection } from './notes-section.js';
import { planDocument, type PlanEnv } from './plan-document.js';
import { slugify } from '../../text/slugify.js';
import { splitDocuments } from './split-documents.js';

/**
 * Parses the text of a cable into blocks with inline segments, and the people and bodies it
 * identifies (speakers, signers, participants, addressees). Every character of the source lines
 * stays in the reading text of the blocks: nothing is lost and nothing is added.
 */
export function parseBody(lines: SourceLine[], ctx: BodyContext): BodyResult {
  const registry = new EntityRegistry();
  const { body, section } = splitNotes(lines);
  const env: PlanEnv = { ctx, registry, declared: aliasDeclarations(body) };

  // First pass: structure, and the entities it identifies.
  const top: Draft[] = [];
  const documents: Array<{ documentType: string; drafts: Draft[] }> = [];
  splitDocuments(body).forEach((part, index) => {
    if (part.heading === undefined) {
      top.push(...planDocument(part.lines, env, index === 0));
      return;
    }
    const heading = part.heading;
    const drafts: Draft[] = [(b) => ({ kind: 'heading', content: b(heading.text, heading.line, { origin: 'heading' }) })];
    drafts.push(...planDocument(part.lines, env, false));
    documents.push({ documentType: part.documentType ?? 'document', drafts });
  });

  // Second pass: inline segments, now that every name to mark is known.
  const notes = section ? noteIds(section) : new Map<string, string>();
  const noteNumbers = new Set(notes.keys());
  const none = { numbers: new Set<string>(), ids: new Map<string, string>() };
  // Names longest first, so "Kim Il Sung" wins over "Kim".
  const nameMatcher = new NameMatcher(registry.names());
  const build: InlineBuilder = (text, line, options = {}) => {
    const withNotes = options.noteRefs !== false;
    const inlineContext: InlineContext = {
      bag: ctx.bag,
      line,
      noteNumbers: withNotes ? noteNumbers : none.numbers,
      noteIds: withNotes ? notes : none.ids,
      dateOrigin: options.origin ?? 'text',
    };
    if (ctx.catalogueDate) inlineContext.reference = ctx.catalogueDate;
    if (!nameMatcher.isEmpty) inlineContext.nameMatcher = nameMatcher;
    return parseInline(text, inlineContext);
  };

  const blocks: Block[] = top.map((d) => d(build));
  for (const doc of documents) blocks.push({ kind: 'document', documentType: doc.documentType, blocks: doc.drafts.map((d) => d(build)) });
  if (section) blocks.push(notesBlock(section, notes, build));
  return {
    blocks,
    entities: registry.entities,
    senders: registry.senders,
    addressees: registry.addressees,
    participants: registry.participants,
  };
}

/** xml:id-safe, unique note ids by marker: "note-1", "note-2"; a repeated marker gets a suffix. */
function noteIds(section: NotesSection): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const note of section.notes) {
    let id = `note-${slugify(note.n) || 'star'}`;
    for (let n = 2; used.has(id); n++) id = `note-${slugify(note.n) || 'star'}-${n}`;
    used.add(id);
    if (!ids.has(note.n)) ids.set(note.n, id);
  }
  return ids;
}

function notesBlock(section: NotesSection, ids: Map<string, string>, build: InlineBuilder): Block {
  const used = new Set<string>();
  const notes = section.notes.map((draft): Note => {
    let id = ids.get(draft.n)!;
    for (let n = 2; used.has(id); n++) id = `${ids.get(draft.n)!}-${n}`;
    used.add(id);
    const first = draft.lines[0]!;
    const content = build(draft.lines.map((l) => l.text).join('\n'), first.line, { noteRefs: false });
    return { id, n: draft.n, noteType: section.noteType, content };
  });
  const heading = section.heading;
  return heading ? { kind: 'notes', heading: build(heading.text, heading.line), notes } : { kind: 'notes', notes };
}
