import type { MessageId } from '../../messages/en';
import { format } from '../../messages/format';
import type { ImportFormat } from './types';

/** Each format's label in the catalogue, in the order a picker lists them (the user-mapped CSV last). */
const LABELS = {
  'bitwarden-csv': 'import.format.bitwarden-csv',
  'bitwarden-json': 'import.format.bitwarden-json',
  '1password-csv': 'import.format.1password-csv',
  '1password-1pux': 'import.format.1password-1pux',
  'lastpass-csv': 'import.format.lastpass-csv',
  'chrome-csv': 'import.format.chrome-csv',
  'firefox-csv': 'import.format.firefox-csv',
  'apple-csv': 'import.format.apple-csv',
  'keepassxc-csv': 'import.format.keepassxc-csv',
  'keepass-xml': 'import.format.keepass-xml',
  'dashlane-csv': 'import.format.dashlane-csv',
  'protonpass-csv': 'import.format.protonpass-csv',
  'nordpass-csv': 'import.format.nordpass-csv',
  'keeper-csv': 'import.format.keeper-csv',
  'keeper-json': 'import.format.keeper-json',
  'roboform-csv': 'import.format.roboform-csv',
  'enpass-json': 'import.format.enpass-json',
  'enpass-csv': 'import.format.enpass-csv',
  'zoho-vault-csv': 'import.format.zoho-vault-csv',
  'passbolt-csv': 'import.format.passbolt-csv',
  'sticky-xml': 'import.format.sticky-xml',
  'psono-json': 'import.format.psono-json',
  'kaspersky-txt': 'import.format.kaspersky-txt',
  'avira-csv': 'import.format.avira-csv',
  'generic-csv': 'import.format.generic-csv',
} as const satisfies Record<ImportFormat, MessageId>;

/**
 * Human labels of every format, for pickers and previews, in the order a picker lists them
 * (the user-mapped CSV last), worded by the catalogue when read. The CLI prints the keys.
 */
export const IMPORT_FORMATS: Readonly<Record<ImportFormat, { readonly label: string }>> = Object.freeze(
  Object.fromEntries(
    (Object.keys(LABELS) as ImportFormat[]).map((key) => [
      key,
      Object.freeze({
        get label() {
          return format(LABELS[key]);
        },
      }),
    ]),
  ) as Record<ImportFormat, { readonly label: string }>,
);
