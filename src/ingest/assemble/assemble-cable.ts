import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { Block, GapBlock } from '../../model/blocks.js';
import type { ArchiveReference, Cable, Contributor, ExtraField, Language } from '../../model/cable.js';
import type { DateValue } from '../../model/dates.js';
import { parseBody } from '../body/index.js';
import { parseDate } from '../dates/parse-date.js';
import { findDates } from '../dates/find-dates.js';
import { parseArchiveReference } from '../fields/parse-archive-reference.js';
import { parseCitation, type ParsedCitation } from '../fields/parse-citation.js';
import { parseFunders } from '../fields/parse-funders.js';
import { parseLanguage } from '../fields/parse-language.js';
import type { PageDraft } from '../page/page-draft.js';
import type { BodyResult } from '../source-lines.js';
import { checkDateDisagreement } from './check-dates.js';
import { contributorEntities } from './contributor-entities.js';
import { documentId } from './document-id.js';
import { reportPage } from './report-page.js';
import { foldName } from './fold-name.js';

export interface AssembleInput {
  draft: PageDraft;
  path: string;
  sha256: string;
  /** sha256 of the page's whitespace-normalised text (see documentId). */
  textSha256: string;
  bag: DiagnosticBag;
}

/** Funder names compared without case, diacritics or a leading article: "the Korea Foundation" = "Korea Foundation". */
function funderKey(name: string): string {
  return foldName(name).replace(/^the /, '');
}

function uniqueFolded(names: string[], key: (n: string) => string = foldName): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = key(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Funders of the header line, then any the tail adds. The current site repeats the header's
 * funder at the end of the page: that repeat is page furniture, listed with the dropped chrome.
 */
function funders(draft: PageDraft): string[] {
  // A loop, not flatMap: flatMap takes a slow generic path in V8, and this runs for every page.
  const fromLines: string[] = [];
  for (const l of draft.funderLines) fromLines.push(...parseFunders(l.text));
  const known = new Set(fromLines.map(funderKey));
  const fromTail: string[] = [];
  for (const l of draft.tailFunders) {
    const names = parseFunders(l.text);
    if (names.length > 0 && names.every((n) => known.has(funderKey(n)))) draft.chrome.push({ text: l.text, line: l.line });
    else fromTail.push(...names);
  }
  return uniqueFolded([...fromLines, ...fromTail], funderKey);
}

function languages(draft: PageDraft): { original?: Language; translation?: Language; extra: ExtraField[] } {
  const out: { original?: Language; translation?: Language; extra: ExtraField[] } = { extra: [] };
  if (draft.originalLanguage) out.original = parseLanguage(draft.originalLanguage.text);
  for (const c of draft.contents) {
    if (out.translation === undefined && /^translation\b/i.test(c.text)) out.translation = parseLanguage(c.text);
    else out.extra.push({ label: 'Contents', value: c.text });
  }
  return out;
}

function safeBody(draft: PageDraft, bag: DiagnosticBag, title: string | undefined, catalogueDate: DateValue | undefined): BodyResult {
  try {
    return parseBody(draft.body, { bag, ...(title !== undefined ? { title } : {}), ...(catalogueDate ? { catalogueDate } : {}), layout: draft.layout });
  } catch (e) {
    const first = draft.body[0];
    bag.error('ingest/internal-error', `The body parser failed: ${e instanceof Error ? e.message : String(e)}.`, {
      hint: 'This is a cablekit bug; please report it with the page.',
      ...(first ? { line: first.line, column: 1 } : {}),
    });
    return { blocks: [], entities: [], senders: [], addressees: [], participants: [] };
  }
}

const UNDATED_IN_TITLE = /\bundated \[[^\]\n]{1,40}\]/i;

const TITLE_FROM_CITATION = 'title taken from the citation: the page prints no title line';
const DATE_FROM_CITATION = 'catalogue date taken from the citation: the page prints no date line';
const DATE_FROM_TITLE = 'catalogue date taken from the date that ends the title: the page prints no date line and the citation gives no date of its own';

function inferredAs(value: DateValue, reason: string): DateValue {
  value.inferred = value.inferred === undefined ? reason : `${reason}; ${value.inferred}`;
  return value;
}

/** The date that ends a title ("Report on the Student Exchange, April 2, 1957"), if any. */
function dateEndingTitle(title: string): string | undefined {
  const t = title.trim();
  const last = findDates(t, 'title').at(-1);
  return last !== undefined && last.end === t.length && last.start > 0 && /[,(]\s*$/.test(t.slice(0, last.start)) ? last.verbatim : undefined;
}

/**
 * The page's date line; else the citation's date; else the date ending the title (the
 * citation's, then the page's) — both marked inferred; last, as written, "undated [1955]".
 */
function catalogueDateOf(draft: PageDraft, cit: ParsedCitation | undefined, title: string | undefined): DateValue | undefined {
  if (draft.date) return parseDate(draft.date.text, 'catalogue');
  if (cit?.date) return inferredAs(parseDate(cit.date, 'citation'), DATE_FROM_CITATION);
  for (const t of [cit?.title, draft.title?.text]) {
    const ending = t !== undefined ? dateEndingTitle(t) : undefined;
    if (ending !== undefined) return inferredAs(parseDate(ending, 'title'), DATE_FROM_TITLE);
  }
  const inTitle = title !== undefined ? UNDATED_IN_TITLE.exec(title) : null;
  return inTitle ? parseDate(inTitle[0], 'title') : undefined;
}

function gap(text: string, reason: GapBlock['reason']): GapBlock {
  return { kind: 'gap', text, reason };
}

/** Turns a layout reader's draft into the Cable: parses the fields, runs the body parser, checks for disagreements. */
export function assembleCable({ draft, path, sha256, textSha256, bag }: AssembleInput): Cable {
  const cit: ParsedCitation | undefined = draft.citation ? parseCitation(draft.citation.text) : undefined;
  const title = draft.title?.text ?? cit?.title;
  const titleInferred = draft.title === undefined && title !== undefined ? TITLE_FROM_CITATION : undefined;
  const catalogueDate = catalogueDateOf(draft, cit, title);
  const lang = languages(draft);
  const archiveReferences: ArchiveReference[] = [...(cit?.archiveReferences ?? []), ...draft.archiveNames.map((a) => parseArchiveReference(a.text))];
  const contributors: Contributor[] = cit?.contributors ?? [];

  const bodyResult = safeBody(draft, bag, title, catalogueDate);
  const body: Block[] = [];
  if (draft.gapBefore) body.push(gap(draft.gapBefore.text.trim(), 'omitted'));
  for (const b of bodyResult.blocks) body.push(b); // no spread: a page may hold tens of thousands of blocks
  if (draft.gapAfter) body.push(gap(draft.gapAfter.text.trim(), 'omitted'));
  if (draft.truncated) body.push(gap('', 'truncated'));

  const bodyIds = new Set(bodyResult.entities.map((e) => e.id));
  const entities = [...contributorEntities(contributors, bodyIds), ...bodyResult.entities];

  const extraFields: ExtraField[] = [...draft.extraFields.map(({ label, value }) => ({ label, value })), ...lang.extra];
  let summary = draft.summary?.text;
  if (draft.leadingSummary) {
    if (summary === undefined) summary = draft.leadingSummary.text;
    else if (foldName(summary) !== foldName(draft.leadingSummary.text)) extraFields.push({ label: 'Leading summary', value: draft.leadingSummary.text });
  }

  const recordId = draft.recordId?.text;
  const urls = [...new Set(cit?.urls ?? [])];
  const { id, idSource, idInferred } = documentId({ recordId, urls, archiveReferences, title, catalogueDate }, textSha256);
  // Keys assigned in the model's order, optional ones only when present: JSON output reads like the type.
  const cable = { id, idSource } as Cable;
  if (idInferred !== undefined) cable.idInferred = idInferred;
  cable.source = { path, sha256, layout: draft.layout };
  if (recordId !== undefined) cable.recordId = recordId;
  cable.urls = urls;
  if (title !== undefined) cable.title = title;
  if (titleInferred !== undefined) cable.titleInferred = titleInferred;
  if (draft.documentType) cable.documentType = draft.documentType.text;
  if (catalogueDate) cable.catalogueDate = catalogueDate;
  if (draft.uploadedDate) cable.uploadedDate = parseDate(draft.uploadedDate.text, 'uploaded');
  if (draft.citation) cable.citation = draft.citation.text;
  cable.archiveReferences = archiveReferences;
  cable.contributors = contributors;
  cable.funders = funders(draft);
  if (summary !== undefined) cable.summary = summary;
  if (lang.original) cable.originalLanguage = lang.original;
  if (lang.translation) cable.translationLanguage = lang.translation;
  cable.rights = draft.rights.map((r) => r.text);
  cable.entities = entities;
  cable.senders = bodyResult.senders;
  cable.addressees = bodyResult.addressees;
  cable.participants = bodyResult.participants;
  cable.extraFields = extraFields;
  cable.body = body;

  reportPage(draft, cable, cit, bag);
  checkDateDisagreement(cable, bag, draft.date?.line ?? draft.citation?.line);
  return cable;
}


