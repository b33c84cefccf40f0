import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REASONS, isoFromKeePassTime, type ImportCollector } from './entries';
import { ImportError } from './importError';

/** One XML element, with its text (text and CDATA children joined) and child elements in order. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** String keys that hold a TOTP secret: KeePassXC (`otp`, legacy `TOTP Seed`) and KeePass 2.47+. */
const TOTP_KEYS = /^(otp|TOTP Seed|(Time|Hmac)Otp-Secret(-Base32|-Hex|-Base64)?)$/i;
/** KeePass2Android / KeePassXC additional URL fields. */
const EXTRA_URL_KEYS = /^KP2A_URL(_\d+)?$/i;

/**
 * True when the first element of the text is `<KeePassFile>` (after any declaration, processing
 * instructions and comments). Scanned by hand: a regex with a repeated lazy comment group can
 * backtrack exponentially on a file of many comments.
 */
export function looksLikeKeePassXml(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end === -1) return false;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return false;
      at = end + 3;
    } else {
      return text.startsWith('<KeePassFile', at) && /[\s>/]/.test(text[at + '<KeePassFile'.length] ?? '');
    }
  }
}

/**
 * Reads a KeePass 2 XML export (also written by KeePassXC). `row` counts every `<Entry>` in document
 * order, history versions included, so each skipped older version has its own number. Entries in
 * the group whose UUID is `Meta/RecycleBinUUID` are skipped, as are all history versions.
 */
export function readKeePassXml(text: string, fileName: string, collector: ImportCollector): void {
  const root = parseXml(text, fileName);
  if (root?.name !== 'KeePassFile') {
    throw new ImportError(
      'unsupported',
      `${fileName} is an XML file, but not a KeePass export. In KeePass choose File → Export → ` +
        'KeePass XML (2.x), or export CSV from your password manager.',
    );
  }
  const recycleBinId = child(child(root, 'Meta'), 'RecycleBinUUID')?.text.trim() ?? '';
  const topGroup = child(child(root, 'Root'), 'Group');
  if (!topGroup) return;
  let row = 0;

  const readEntry = (entry: XmlElement, folder: string, isInRecycleBin: boolean): void => {
    row++;
    const entryRow = row;
    const strings = new Map<string, string>();
    let hasTotp = false;
    const extraUrls: string[] = [];
    for (const field of children(entry, 'String')) {
      const key = child(field, 'Key')?.text ?? '';
      const valueElement = child(field, 'Value');
      if (valueElement?.attributes.Protected?.toLowerCase() === 'true') {
        throw new ImportError(
          'encrypted',
          `${fileName} holds encrypted (protected) values: it is the inside of a KeePass database, not ` +
            'an export. In KeePass choose File → Export → KeePass XML (2.x) and import that file.',
        );
      }
      const value = valueElement?.text ?? '';
      if (!strings.has(key)) strings.set(key, value);
      if (TOTP_KEYS.test(key) && value.trim() !== '') hasTotp = true;
      if (EXTRA_URL_KEYS.test(key)) extraUrls.push(value);
    }
    if (isInRecycleBin) {
      collector.skip(entryRow, REASONS.recycleBin);
    } else {
      const modified = child(child(entry, 'Times'), 'LastModificationTime')?.text ?? '';
      collector.add(entryRow, {
        title: strings.get('Title') ?? '',
        urls: [strings.get('URL') ?? '', ...extraUrls],
        username: strings.get('UserName') ?? '',
        password: strings.get('Password') ?? '',
        hasTotp,
        passwordChangedAt: isoFromKeePassTime(modified),
        folder,
      });
    }
    for (const history of children(entry, 'History')) {
      const versions = children(history, 'Entry').length;
      for (let i = 0; i < versions; i++) {
        row++;
        collector.skip(row, REASONS.history);
      }
    }
  };

  const readGroup = (group: XmlElement, path: string[], isInRecycleBin: boolean): void => {
    const folder = path.join('/');
    for (const element of group.children) {
      if (element.name === 'Entry') readEntry(element, folder, isInRecycleBin);
      if (element.name === 'Group') {
        const id = child(element, 'UUID')?.text.trim() ?? '';
        const name = child(element, 'Name')?.text.trim() ?? '';
        const isBin = isInRecycleBin || (recycleBinId !== '' && id === recycleBinId);
        readGroup(element, [...path, name], isBin);
      }
    }
  };

  // The top group is the database itself (its name is the database's), not a folder.
  readGroup(topGroup, [], false);
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}

function parseXml(text: string, fileName: string): XmlElement | undefined {
  // KeePass never writes a DTD; refusing one rules out entity-expansion tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ImportError(
      'unsupported',
      `${fileName} contains a DOCTYPE declaration, which KeePass exports never have.`,
    );
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    throw new ImportError(
      'malformed',
      `${fileName} is not well-formed XML (line ${validation.err.line}: ${validation.err.msg}). ` +
        'The file may have been cut short; export it again.',
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
  });
  const nodes: unknown = parser.parse(text);
  return toElements(nodes)[0];
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
