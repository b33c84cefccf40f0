import type { MessageId } from '../../messages/en';
import type { ImportFormat } from './types';

/**
 * The formats Lockstep reads, by key, with each one's label in the catalogue, in the order a picker
 * lists them (the user-mapped CSV last). Kept free of the catalogue's formatter so that the command
 * line's `--help` can list the keys without loading it; `IMPORT_FORMATS` (`./formats`) words them.
 */
export const IMPORT_FORMAT_LABEL_IDS = {
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

/** The keys of the formats, in the order a picker lists them. */
export const IMPORT_FORMAT_KEYS = Object.keys(IMPORT_FORMAT_LABEL_IDS) as readonly ImportFormat[];
