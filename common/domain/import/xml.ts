import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError, fileLabel } from './importError';
import { format } from '../../messages/format';

/** One XML element, with its text (text and CDATA children joined) and child elements in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Limits a password-manager export stays far below (KeePass nests groups a dozen deep and writes
 * at most a few attributes per element); beyond them the file is refused before the parser runs,
 * because parsing such input takes seconds and gigabytes.
 */
const MAX_DEPTH = 100;
const MAX_ATTRIBUTES_PER_ELEMENT = 64;
const MAX_ELEMENTS = 3_000_000;

/** What a cheap scan of an XML text found: its first element's name (or null). */
interface XmlShape {
  rootName: string | null;
}

/**
 * Scans XML text once, without building anything, and refuses what no export contains: a DOCTYPE
 * or entity declarations (which can expand a small file into gigabytes), nesting deeper than 100
 * elements, more than 64 attributes on one element, or more than 3,000,000 elements. Returns the
 * first element's name. Quoted attribute values, comments, CDATA and processing instructions are
 * skipped as such, so a `<` inside them is not taken for a tag.
 */
export function scanXml(text: string, fileName: string): XmlShape {
  let rootName: string | null = null;
  let depth = 0;
  let elements = 0;
  let at = text.indexOf('<');
  while (at !== -1 && at < text.length) {
    if (text.startsWith('<!--', at)) {
      at = skipPast(text, '-->', at + 4);
    } else if (text.startsWith('<![CDATA[', at)) {
      at = skipPast(text, ']]>', at + 9);
    } else if (text.startsWith('<?', at)) {
      at = skipPast(text, '?>', at + 2);
    } else if (text.startsWith('<!', at)) {
      throw new ImportError('unsupported', format('importFile.doctype', { file: fileLabel(fileName) }));
    } else if (text.startsWith('</', at)) {
      depth--;
      at = skipPast(text, '>', at + 2);
    } else {
      const tag = scanTag(text, at + 1);
      if (rootName === null && depth === 0) rootName = tag.name;
      elements++;
      if (tag.attributes > MAX_ATTRIBUTES_PER_ELEMENT) {
        throw tooLarge(fileName, 'attributes', MAX_ATTRIBUTES_PER_ELEMENT);
      }
      if (elements > MAX_ELEMENTS) {
        throw tooLarge(fileName, 'elements', MAX_ELEMENTS);
      }
      if (!tag.isSelfClosing) depth++;
      if (depth > MAX_DEPTH) throw tooLarge(fileName, 'depth', MAX_DEPTH);
      at = tag.end;
    }
    if (at === -1) break;
    at = text.indexOf('<', at);
  }
  return { rootName };
}

function tooLarge(fileName: string, what: 'attributes' | 'elements' | 'depth', count: number): ImportError {
  return new ImportError(
    'too_large',
    format('importFile.xmlTooLarge', { file: fileLabel(fileName), what, count }),
  );
}

/** The position after the next `end` from `from`, or -1 when there is none. */
function skipPast(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found === -1 ? -1 : found + end.length;
}

/** Reads a start tag from just after its `<`: name, attribute count, self-closing, end position. */
function scanTag(
  text: string,
  from: number,
): { name: string; attributes: number; isSelfClosing: boolean; end: number } {
  let at = from;
  while (at < text.length && !/[\s/>]/.test(text[at] ?? '')) at++;
  const name = text.slice(from, at);
  let attributes = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, at + 1);
      if (close === -1) return { name, attributes, isSelfClosing: false, end: -1 };
      at = close + 1;
      continue;
    }
    if (char === '=' && ++attributes > MAX_ATTRIBUTES_PER_ELEMENT) {
      // Enough to refuse the file; the rest of the tag need not be read.
      return { name, attributes, isSelfClosing: false, end: -1 };
    }
    if (char === '>') {
      return { name, attributes, isSelfClosing: text[at - 1] === '/', end: at + 1 };
    }
    at++;
  }
  return { name, attributes, isSelfClosing: false, end: -1 };
}

/**
 * Parses XML (after {@link scanXml} has passed it) into a tree of elements; returns the first
 * top-level element. Not-well-formed XML is refused as `malformed`, naming the line.
 */
export function parseXml(text: string, fileName: string): XmlElement | undefined {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new ImportError(
      'malformed',
      format('importFile.xmlMalformed', {
        file: fileLabel(fileName),
        line: String(validation.err.line),
        detail: validation.err.msg.slice(0, 120),
      }),
    );
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    // Decodes numeric references (&#65;) too; `&amp;` is replaced last, so nothing is decoded twice.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '__cdata',
    commentPropName: false,
    maxNestedTags: MAX_DEPTH + 1,
  });
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch {
    // The parser's own message is technical ("Maximum nested tags exceeded"); say it plainly.
    throw new ImportError('malformed', format('importFile.xmlUnreadable', { file: fileLabel(fileName) }));
  }
  return toElements(nodes)[0];
}

/** The first child element with this name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

/** Every child element with this name, in order. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((candidate) => candidate.name === name) : [];
}

/** Converts fast-xml-parser's ordered output (`[{tag: [...children], ':@': {attrs}}]`) to a tree. */
function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    const name = Object.keys(record).find((key) => key !== ':@');
    if (name === undefined || name === '#text' || name === '__cdata') continue;
    const content = record[name];
    const attributes: Record<string, string> = {};
    const rawAttributes = record[':@'];
    if (typeof rawAttributes === 'object' && rawAttributes !== null) {
      for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = String(value);
    }
    elements.push({ name, attributes, children: toElements(content), text: textOf(content) });
  }
  return elements;
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const node of content) {
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    if ('#text' in record) text += String(record['#text']);
    if ('__cdata' in record) text += textOf(record.__cdata);
  }
  return text;
}
