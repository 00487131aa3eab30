import { isElement, type XElement } from './xml-tree.js';

const INDENT = '  ';

function escapeText(text: string): string {
  // "\r" would read back as "\n" (XML normalises line ends): keep it as a reference.
  return /[&<>\r]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;') : text;
}

function escapeAttribute(value: string): string {
  // Tabs and line ends in attributes read back as spaces unless written as references.
  return /[&<>"\t\n\r]/.test(value)
    ? value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
    : value;
}

function write(out: string[], e: XElement, depth: number, inMixed: boolean, containers: ReadonlySet<string>): void {
  out.push('<', e.name);
  for (const [k, v] of e.attrs) out.push(' ', k, '="', escapeAttribute(v), '"');
  if (e.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  const indent = !inMixed && containers.has(e.name) && e.children.every(isElement);
  for (const c of e.children) {
    if (indent) out.push('\n', INDENT.repeat(depth + 1));
    if (isElement(c)) write(out, c, depth + 1, !indent, containers);
    else out.push(escapeText(c));
  }
  if (indent) out.push('\n', INDENT.repeat(depth));
  out.push('</', e.name, '>');
}

/**
 * The same bytes as `serializeXml` (xmlbuilder2), written directly: the encoder runs for every
 * cable of a build, and xmlbuilder2's DOM costs more than the whole validation of a cable. A test
 * holds the two byte-identical; this writer additionally keeps tabs and line ends in attribute
 * values and carriage returns in text as character references, so they survive a re-read.
 */
export function writeXml(root: XElement, namespace: string, containers: ReadonlySet<string>): string {
  const withNs: XElement = { ...root, attrs: [['xmlns', namespace], ...root.attrs] };
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(out, withNs, 0, false, containers);
  out.push('\n');
  return out.join('');
}
