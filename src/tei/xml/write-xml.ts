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

const INDENTS: string[] = [];
function newlineIndent(depth: number): string {
  return (INDENTS[depth] ??= '\n' + INDENT.repeat(depth));
}

function write(e: XElement, depth: number, inMixed: boolean, containers: ReadonlySet<string>): string {
  let out = '<' + e.name;
  for (const [k, v] of e.attrs) out += ' ' + k + '="' + escapeAttribute(v) + '"';
  if (e.children.length === 0) return out + '/>';
  out += '>';
  const indent = !inMixed && containers.has(e.name) && e.children.every(isElement);
  for (const c of e.children) {
    if (indent) out += newlineIndent(depth + 1);
    out += isElement(c) ? write(c, depth + 1, !indent, containers) : escapeText(c);
  }
  if (indent) out += newlineIndent(depth);
  return out + '</' + e.name + '>';
}

/**
 * The same bytes as xmlbuilder2 (tests/tei/xmlbuilder2-reference.ts), written directly: the encoder runs for every
 * cable of a build, and xmlbuilder2's DOM costs more than the whole validation of a cable. A test
 * holds the two byte-identical; this writer additionally keeps tabs and line ends in attribute
 * values and carriage returns in text as character references, so they survive a re-read.
 */
export function writeXml(root: XElement, namespace: string, containers: ReadonlySet<string>): string {
  const withNs: XElement = { ...root, attrs: [['xmlns', namespace], ...root.attrs] };
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + write(withNs, 0, false, containers) + '\n';
}
