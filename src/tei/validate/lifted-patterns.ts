import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { ElementIndex } from '../xml/element-index.js';
import type { XElement } from '../xml/xml-tree.js';
import type { SchemaVocabulary } from './schema-vocabulary.js';

/**
 * libxml2 checks a value against `<param name="pattern">` by building the facet and compiling its
 * regular expression anew for every value (xmlRelaxNGSchemaFacetCheck). The profile puts such a
 * pattern on pointers and on single words, which sit on most inline elements: they were a quarter
 * of libxml2's validation time. So the grammar libxml2 compiles leaves these two patterns out, and
 * this check applies them, with the same expressions written for JavaScript. The grammar file is
 * unchanged: jing, oXygen and other validators read the patterns as written.
 */
export interface LiftedPattern {
  /** The define of schemas/cable-tei.rng that holds the pattern. */
  define: string;
  /** The pattern as the grammar writes it: it is lifted only while the grammar says exactly this. */
  xsd: string;
  /** The type's name in the schema vocabulary (schema-vocabulary.ts). */
  type: string;
  /** The same pattern for a whole (white-space-collapsed) token. */
  check: (token: string) => boolean;
}

// XML 1.0 (fifth edition) name characters, without ":" (an NCName).
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;

/** "#" and an NCName: a pointer to an xml:id of the same document. */
export const LOCAL_POINTER = new RegExp(`^#[${NAME_START}][${NAME_CHAR}]*$`, 'u');
/** One word: no control, format, separator or space character. */
export const SINGLE_WORD = /^[^\p{C}\p{Z}]+$/u;

function isAsciiNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isAsciiNameChar(c: number): boolean {
  return isAsciiNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

/**
 * LOCAL_POINTER for an ASCII token, which nearly every pointer is, by a loop over its characters:
 * a regular expression per attribute cost half of what the lifted patterns saved.
 */
function isAsciiPointer(t: string): boolean {
  if (t.length < 2 || t.charCodeAt(0) !== 0x23 || !isAsciiNameStart(t.charCodeAt(1))) return false;
  for (let i = 2; i < t.length; i++) if (!isAsciiNameChar(t.charCodeAt(i))) return false;
  return true;
}

/** SINGLE_WORD for an ASCII token: printable characters other than the space. */
function isAsciiWord(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

export const LIFTED_PATTERNS: readonly LiftedPattern[] = [
  { define: 'data.pointer', xsd: '#[\\i-[:]][\\c-[:]]*', type: 'pointer', check: (t) => isAsciiPointer(t) || LOCAL_POINTER.test(t) },
  { define: 'data.word', xsd: '[^\\p{C}\\p{Z}]+', type: 'word', check: (t) => isAsciiWord(t) || SINGLE_WORD.test(t) },
];

function patternData(xsd: string): string {
  return `<data type="token"><param name="pattern">${xsd}</param></data>`;
}

/**
 * The grammar as libxml2 compiles it: each lifted pattern's `<data>` replaced by a plain token,
 * where the pattern is found, exactly as expected, inside its define. Returns the patterns lifted.
 */
export function liftPatterns(grammar: string): { grammar: string; lifted: LiftedPattern[] } {
  let text = grammar;
  const lifted: LiftedPattern[] = [];
  for (const pattern of LIFTED_PATTERNS) {
    const written = patternData(pattern.xsd);
    const start = text.indexOf(`<define name="${pattern.define}">`);
    const end = start === -1 ? -1 : text.indexOf('</define>', start);
    const data = start === -1 ? -1 : text.indexOf(written, start);
    if (data === -1 || data > end) continue;
    text = text.slice(0, data) + '<data type="token"/>' + text.slice(data + written.length);
    lifted.push(pattern);
  }
  return { grammar: text, lifted };
}

interface AttributeCheck {
  checks: ((token: string) => boolean)[];
  /** Values the grammar also allows here (an enumeration beside the pattern). */
  values: ReadonlySet<string> | undefined;
  list: boolean;
  typeNames: string;
}

/** Per element name, the attributes whose every allowed form is a lifted pattern or a listed value. */
export type LiftedChecks = Map<string, Map<string, AttributeCheck>>;

export function liftedChecks(vocabulary: SchemaVocabulary, lifted: readonly LiftedPattern[]): LiftedChecks {
  const byType = new Map(lifted.map((p) => [p.type, p.check]));
  const out: LiftedChecks = new Map();
  for (const [element, rule] of vocabulary) {
    for (const [name, attribute] of rule.attributes) {
      const types = [...attribute.types];
      // Only where every type is lifted: another type could accept a token that no lifted pattern does.
      if (types.length === 0 || !types.every((t) => byType.has(t))) continue;
      const checks = types.map((t) => byType.get(t)!);
      const forElement = out.get(element) ?? new Map<string, AttributeCheck>();
      forElement.set(name, { checks, values: attribute.values, list: attribute.list, typeNames: types.join(' or ') });
      out.set(element, forElement);
    }
  }
  return out;
}

/** XML Schema's "collapse": the token a `token`-typed value stands for. */
function collapse(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}

function tokenAllowed(token: string, check: AttributeCheck): boolean {
  if (check.values?.has(token)) return true;
  for (const matches of check.checks) if (matches(token)) return true;
  return false;
}

function valueAllowed(value: string, check: AttributeCheck): boolean {
  // Nearly every value is one token without white space: try it as it stands first.
  if (tokenAllowed(value, check)) return true;
  const collapsed = collapse(value);
  if (!check.list) return collapsed !== value && tokenAllowed(collapsed, check);
  for (const token of collapsed.split(' ')) if (!tokenAllowed(token, check)) return false;
  return true;
}

/**
 * The lifted patterns on every attribute they apply to, as libxml2 would have checked them.
 * Elements are looked up by name in the index (a few names, instead of a lookup per element);
 * problems are reported in document order.
 */
export function checkLiftedPatterns(index: ElementIndex, checks: LiftedChecks, bag: DiagnosticBag): void {
  const problems: { e: XElement; name: string; value: string; check: AttributeCheck }[] = [];
  for (const [element, forElement] of checks) {
    for (const e of index.named(element)) {
      for (const [name, value] of e.attrs) {
        const check = forElement.get(name);
        if (check !== undefined && !valueAllowed(value, check)) problems.push({ e, name, value, check });
      }
    }
  }
  problems.sort((a, b) => index.order(a.e) - index.order(b.e));
  for (const { e, name, value, check } of problems) {
    bag.error('tei/schema', `<${e.name} ${name}="${value}">: the value is not allowed (${check.typeNames}).`, {
      ...(e.line !== undefined ? { line: e.line } : {}),
      hint: 'See schemas/cable-tei.rng.',
    });
  }
}
