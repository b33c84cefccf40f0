import { REASONS, isoFromDateText, type ImportCollector } from './entries';
import { ImportError, fileLabel } from './importError';
import { child, children, type XmlElement } from './xml';
import { format } from '../../messages/format';

/** Group chains longer than this are cut (they can only come from a damaged or looping file). */
const MAX_GROUP_DEPTH = 32;

/**
 * Reads a Sticky Password XML export (`root/Database`). Every `Logins/Login` element with a password
 * is one entry, numbered in document order: user name (`Name`) and password from the login; title,
 * web address (`Link`) and folder (`ParentID` in `Groups`) from the `Accounts/Account` whose
 * `LoginLinks` point at it; `ModifiedDate` as the date. Secure memos follow, skipped as notes.
 */
export function readStickyXml(
  root: XmlElement | undefined,
  fileName: string,
  collector: ImportCollector,
): void {
  const database = child(root, 'Database');
  if (root?.name !== 'root' || !database) {
    throw new ImportError('unsupported', format('importFile.notSticky', { file: fileLabel(fileName) }));
  }
  const groups = new Map<string, { name: string; parent: string }>();
  for (const group of children(child(database, 'Groups'), 'Group')) {
    const { ID: id = '', Name: name = '', ParentID: parent = '' } = group.attributes;
    if (id !== '') groups.set(id, { name: name.trim(), parent });
  }
  const pathOf = (id: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    let current = groups.get(id);
    let at = id;
    while (current && !seen.has(at) && names.length < MAX_GROUP_DEPTH) {
      seen.add(at);
      if (current.name !== '') names.unshift(current.name);
      at = current.parent;
      current = groups.get(at);
    }
    return names.join('/');
  };
  // Each login belongs to the first account that links it.
  const accountOf = new Map<string, XmlElement>();
  for (const account of children(child(database, 'Accounts'), 'Account')) {
    for (const link of children(child(account, 'LoginLinks'), 'Login')) {
      const id = link.attributes.SourceLoginID ?? '';
      if (id !== '' && !accountOf.has(id)) accountOf.set(id, account);
    }
  }
  let row = 0;
  for (const login of children(child(database, 'Logins'), 'Login')) {
    row++;
    const {
      ID: id = '',
      Name: username = '',
      Password: password = '',
      ModifiedDate: modified,
    } = login.attributes;
    const account = id === '' ? undefined : accountOf.get(id);
    const attributes = account?.attributes ?? {};
    collector.add(row, {
      title: attributes.Name ?? '',
      urls: [attributes.Link ?? ''],
      username,
      password,
      hasTotp: false,
      passwordChangedAt: isoFromDateText(modified),
      folder: pathOf(attributes.ParentID ?? ''),
    });
  }
  for (let i = 0; i < children(child(database, 'SecureMemos'), 'SecureMemo').length; i++) {
    row++;
    collector.skip(row, REASONS.note);
  }
}
