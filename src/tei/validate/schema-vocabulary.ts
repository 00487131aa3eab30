import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { attr, childElements, isElement, textContent, walkElements, type XElement } from '../xml/xml-tree.js';
import { LOCAL_POINTER, SINGLE_WORD } from './lifted-patterns.js';

/**
 * What the project schema allows per element name (attributes, their values, child elements),
 * read from the RELAX NG grammar itself. libxml2 decides validity, but it often reports a bad child
 * at its parent's line; this pass names the exact element and attribute, with its line.
 */
interface AttributeRule {
  required: boolean;
  /** Enumerated values; undefined when any value of `types` is allowed. */
  values: Set<string> | undefined;
  types: Set<string>;
  list: boolean;
}

interface ElementRule {
  attributes: Map<string, AttributeRule>;
  children: Set<string>;
}

export type SchemaVocabulary = Map<string, ElementRule>;

const NAMED_TYPES: Record<string, string> = { 'data.pointer': 'pointer', 'data.word': 'word', 'data.temporal': 'temporal' };

function elementNames(e: XElement): string[] {
  const direct = attr(e, 'name');
  if (direct !== undefined) return [direct];
  const out: string[] = [];
  walkElements(e, (x) => {
    if (x !== e && x.name === 'name') out.push(textContent(x).trim());
  });
  return out;
}

interface Builder {
  defines: Map<string, XElement>;
}

function collectValues(content: readonly XElement[], b: Builder, rule: AttributeRule, seen: Set<string>): void {
  for (const c of content) {
    switch (c.name) {
      case 'value':
        (rule.values ??= new Set()).add(textContent(c));
        break;
      case 'data':
        rule.types.add(attr(c, 'type') ?? 'string');
        break;
      case 'text':
        rule.types.add('string');
        break;
      case 'list':
        rule.list = true;
        collectValues(childElements(c), b, rule, seen);
        break;
      case 'ref': {
        const name = attr(c, 'name') ?? '';
        const named = NAMED_TYPES[name];
        if (named !== undefined) rule.types.add(named);
        else if (!seen.has(name)) {
          seen.add(name);
          const def = b.defines.get(name);
          if (def) collectValues(childElements(def), b, rule, seen);
        }
        break;
      }
      default:
        collectValues(childElements(c), b, rule, seen);
    }
  }
}

function mergeAttributeRules(a: AttributeRule, b: AttributeRule): AttributeRule {
  const values = a.values || b.values ? new Set([...(a.values ?? []), ...(b.values ?? [])]) : undefined;
  return { required: a.required && b.required, values, types: new Set([...a.types, ...b.types]), list: a.list || b.list };
}

function collectContent(content: readonly XElement[], optional: boolean, b: Builder, into: ElementRule, seen: Set<string>): void {
  for (const c of content) {
    switch (c.name) {
      case 'element':
        for (const n of elementNames(c)) into.children.add(n);
        break;
      case 'attribute': {
        const name = attr(c, 'name') ?? elementNames(c)[0] ?? '';
        const rule: AttributeRule = { required: !optional, values: undefined, types: new Set(), list: false };
        const kids = childElements(c).filter((k) => k.name !== 'name');
        if (kids.length === 0) rule.types.add('string');
        collectValues(kids, b, rule, new Set());
        // The same attribute in several alternatives of one element (the kinds of note, say)
        // allows the values of each.
        const earlier = into.attributes.get(name);
        into.attributes.set(name, earlier ? mergeAttributeRules(earlier, rule) : rule);
        break;
      }
      case 'ref': {
        const name = attr(c, 'name') ?? '';
        if (seen.has(name)) break;
        seen.add(name);
        const def = b.defines.get(name);
        if (def) collectContent(childElements(def), optional, b, into, seen);
        break;
      }
      case 'optional':
      case 'zeroOrMore':
      case 'choice':
        collectContent(childElements(c), true, b, into, seen);
        break;
      case 'oneOrMore':
      case 'group':
      case 'mixed':
      case 'interleave':
        collectContent(childElements(c), optional, b, into, seen);
        break;
      default:
        break;
    }
  }
}

export function buildSchemaVocabulary(grammar: XElement): SchemaVocabulary {
  const b: Builder = { defines: new Map() };
  for (const d of childElements(grammar, 'define')) b.defines.set(attr(d, 'name') ?? '', d);
  const perName = new Map<string, ElementRule[]>();
  walkElements(grammar, (e) => {
    if (e.name !== 'element') return;
    const rule: ElementRule = { attributes: new Map(), children: new Set() };
    collectContent(childElements(e).filter((k) => k.name !== 'name'), false, b, rule, new Set());
    for (const n of elementNames(e)) perName.set(n, [...(perName.get(n) ?? []), rule]);
  });
  const out: SchemaVocabulary = new Map();
  for (const [name, rules] of perName) {
    const merged: ElementRule = { attributes: new Map(), children: new Set() };
    for (const r of rules) {
      r.children.forEach((c) => merged.children.add(c));
      for (const [k, a] of r.attributes) {
        const m = merged.attributes.get(k);
        merged.attributes.set(k, m ? mergeAttributeRules(m, a) : { ...a, values: a.values && new Set(a.values), types: new Set(a.types) });
      }
    }
    // Required only when every definition of the element requires it.
    for (const [k, m] of merged.attributes) m.required = rules.every((r) => r.attributes.get(k)?.required === true);
    out.set(name, merged);
  }
  return out;
}

const TZ = '(Z|[+-]\\d{2}:\\d{2})?';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[12]\\d|3[01])';
const TIME = '([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?';
const TYPE_CHECKS: Record<string, RegExp> = {
  date: new RegExp(`^-?\\d{4}-${MONTH}-${DAY}${TZ}$`),
  gYear: new RegExp(`^-?\\d{4}${TZ}$`),
  gYearMonth: new RegExp(`^-?\\d{4}-${MONTH}${TZ}$`),
  dateTime: new RegExp(`^-?\\d{4}-${MONTH}-${DAY}T${TIME}${TZ}$`),
  time: new RegExp(`^${TIME}${TZ}$`),
  NCName: /^[\p{L}_][\p{L}\p{N}_.\-\u00B7]*$/u,
  language: /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/,
  pointer: LOCAL_POINTER,
  word: SINGLE_WORD,
};
TYPE_CHECKS.temporal = new RegExp(['date', 'gYear', 'gYearMonth', 'dateTime', 'time'].map((t) => TYPE_CHECKS[t]!.source).join('|'));

function tokenAllowed(token: string, rule: AttributeRule): boolean {
  if (rule.values?.has(token)) return true;
  if (rule.types.size === 0) return false;
  for (const t of rule.types) {
    const check = TYPE_CHECKS[t];
    if (check === undefined || check.test(token)) return true;
  }
  return false;
}

/** Precise schema diagnostics; at most `limit`, as one mistake can cause many. */
export function checkVocabulary(tei: XElement, vocabulary: SchemaVocabulary, bag: DiagnosticBag, limit = 20): number {
  let count = 0;
  const report = (e: XElement, message: string) => {
    if (count++ < limit) bag.error('tei/schema', message, { ...(e.line !== undefined ? { line: e.line } : {}), hint: 'See schemas/cable-tei.rng.' });
  };
  walkElements(tei, (e, parent) => {
    const rule = vocabulary.get(e.name);
    if (!rule) {
      report(e, `<${e.name}> is not an element of the cable TEI profile.`);
      return;
    }
    if (parent && !vocabulary.get(parent.name)?.children.has(e.name)) {
      report(e, `<${e.name}> is not allowed inside <${parent.name}> in the cable TEI profile.`);
    }
    for (const [k, v] of e.attrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      const a = rule.attributes.get(k);
      if (!a) {
        report(e, `<${e.name}> has an attribute @${k} the profile does not allow.`);
        continue;
      }
      const tokens = a.list ? v.split(/\s+/).filter((t) => t !== '') : [v];
      const bad = tokens.find((t) => !tokenAllowed(t, a));
      if (bad !== undefined || (a.list && tokens.length === 0)) {
        const allowed = a.values ? `: one of ${[...a.values].slice(0, 8).join(', ')}` : a.types.size > 0 ? ` (${[...a.types].join(' or ')})` : '';
        report(e, `<${e.name} ${k}="${v}">: the value is not allowed${allowed}.`);
      }
    }
    for (const [k, a] of rule.attributes) {
      if (a.required && attr(e, k) === undefined) report(e, `<${e.name}> needs the attribute @${k}.`);
    }
  });
  return count;
}

export function isGrammar(e: XElement | undefined): e is XElement {
  return isElement(e) && e.name === 'grammar';
}
