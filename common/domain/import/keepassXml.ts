import { REASONS, isTotpSet, isoFromKeePassTime, type ImportCollector } from './entries';
import { ImportError, fileLabel } from './importError';
import { child, children, type XmlElement } from './xml';
import { format } from '../../messages/format';

/** String keys that hold a TOTP secret: KeePassXC (`otp`, legacy `TOTP Seed`) and KeePass 2.47+. */
const TOTP_KEYS = /^(otp|TOTP Seed|(Time|Hmac)Otp-Secret(-Base32|-Hex|-Base64)?)$/i;
/** KeePass2Android / KeePassXC additional URL fields. */
const EXTRA_URL_KEYS = /^KP2A_URL(_\d+)?$/i;

/**
 * Reads a KeePass 2 XML export (also written by KeePassXC). `row` counts every `<Entry>` in document
 * order, history versions included, so each skipped older version has its own number. Entries in
 * the group whose UUID is `Meta/RecycleBinUUID` are skipped, as are all history versions.
 */
export function readKeePassXml(
  root: XmlElement | undefined,
  fileName: string,
  collector: ImportCollector,
): void {
  if (root?.name !== 'KeePassFile') {
    throw new ImportError('unsupported', format('importFile.notKeepass', { file: fileLabel(fileName) }));
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
          format('importFile.keepassProtected', { file: fileLabel(fileName) }),
        );
      }
      const value = valueElement?.text ?? '';
      if (!strings.has(key)) strings.set(key, value);
      if (TOTP_KEYS.test(key) && isTotpSet(value)) hasTotp = true;
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
