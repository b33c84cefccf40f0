import type { ImportFormat } from './types';

/**
 * Human labels of every format, for pickers and previews, in the order a picker lists them
 * (the user-mapped CSV last). The CLI prints the keys.
 */
export const IMPORT_FORMATS: Record<ImportFormat, { label: string }> = {
  'bitwarden-csv': { label: 'Bitwarden (CSV)' },
  'bitwarden-json': { label: 'Bitwarden (JSON)' },
  '1password-csv': { label: '1Password 8 (CSV)' },
  '1password-1pux': { label: '1Password (1PUX)' },
  'lastpass-csv': { label: 'LastPass (CSV)' },
  'chrome-csv': { label: 'Chrome, Edge, Opera, Brave or Vivaldi (CSV)' },
  'firefox-csv': { label: 'Firefox (CSV)' },
  'apple-csv': { label: 'Apple Passwords / Safari (CSV)' },
  'keepassxc-csv': { label: 'KeePassXC / KeePassX (CSV)' },
  'keepass-xml': { label: 'KeePass 2 (XML)' },
  'dashlane-csv': { label: 'Dashlane (CSV)' },
  'protonpass-csv': { label: 'Proton Pass (CSV)' },
  'nordpass-csv': { label: 'NordPass (CSV)' },
  'keeper-csv': { label: 'Keeper (CSV)' },
  'keeper-json': { label: 'Keeper (JSON)' },
  'roboform-csv': { label: 'RoboForm (CSV)' },
  'enpass-json': { label: 'Enpass (JSON)' },
  'enpass-csv': { label: 'Enpass (CSV, older versions)' },
  'zoho-vault-csv': { label: 'Zoho Vault (CSV)' },
  'passbolt-csv': { label: 'Passbolt (CSV)' },
  'sticky-xml': { label: 'Sticky Password (XML)' },
  'psono-json': { label: 'Psono (JSON)' },
  'kaspersky-txt': { label: 'Kaspersky Password Manager (TXT)' },
  'avira-csv': { label: 'Avira Password Manager (CSV)' },
  'generic-csv': { label: 'Other CSV (you choose the columns)' },
};
