/**
 * Attachments that are secrets by what they are — a password-manager export, a key file, a VPN
 * profile, a scan of a passport — told from their file name (and type), whatever their content.
 */
import type { MessageId } from '../../messages/en';
import { format } from '../../messages/format';

/** What a sensitive attachment is, in plain words ("KeePass database (.kdbx)"). */
export interface SecretAttachment {
  hint: string;
}

interface NameRule {
  test: RegExp;
  what: MessageId;
}

const EXTENSION_RULES: readonly NameRule[] = [
  { test: /\.kdbx?$/, what: 'mailSecret.attachment.keepass' },
  { test: /\.(?:1pux|1pif)$/, what: 'mailSecret.attachment.onePassword' },
  { test: /\.psafe3$/, what: 'mailSecret.attachment.passwordSafe' },
  { test: /\.(?:pem|key)$/, what: 'mailSecret.attachment.keyFile' },
  { test: /\.(?:p12|pfx)$/, what: 'mailSecret.attachment.certificate' },
  { test: /\.(?:jks|keystore|bks)$/, what: 'mailSecret.attachment.javaKeyStore' },
  { test: /\.ppk$/, what: 'mailSecret.attachment.putty' },
  { test: /\.ovpn$/, what: 'mailSecret.attachment.openVpn' },
  { test: /\.mobileconfig$/, what: 'mailSecret.attachment.deviceProfile' },
  { test: /\.(?:rdp)$/, what: 'mailSecret.attachment.remoteDesktop' },
  { test: /(?:^|[\\/])\.?env(?:\.[a-z0-9_-]+)?$|\.env$/, what: 'mailSecret.attachment.envFile' },
  {
    test: /(?:^|[\\/])\.?(?:npmrc|netrc|pgpass|git-credentials|pypirc|htpasswd|dockercfg)$/,
    what: 'mailSecret.attachment.credentialsFile',
  },
  { test: /(?:^|[\\/])id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/, what: 'mailSecret.attachment.sshKey' },
  { test: /(?:^|[\\/_-])(?:wg\d*|wireguard)[^\\/]*\.conf$/, what: 'mailSecret.attachment.wireGuard' },
];

const EXPORT_NAMES: readonly NameRule[] = [
  { test: /bitwarden[_ -]?(?:encrypted[_ -]?)?export/, what: 'mailSecret.attachment.bitwarden' },
  { test: /lastpass.*(?:export|vault)/, what: 'mailSecret.attachment.lastPass' },
  { test: /(?:1password|onepassword).*export/, what: 'mailSecret.attachment.onePassword' },
  { test: /dashlane.*(?:export|credentials)/, what: 'mailSecret.attachment.dashlane' },
  {
    test: /(?:nordpass|proton[ _-]?pass|roboform|enpass|keeper|keepass(?:xc)?).*(?:export|\.csv|\.xml)/,
    what: 'mailSecret.attachment.passwordManager',
  },
  {
    test: /(?:^|[\\/ _-])(?:chrome |edge |firefox |microsoft edge |google )?passwords?(?:[ _-]?export)?(?: \(\d+\))?\.(?:csv|json|xml|xlsx?|txt)$/,
    what: 'mailSecret.attachment.passwordList',
  },
  {
    test: /(?:^|[\\/ _-])(?:logins|credentials|zugangsdaten|kennw(?:ö|oe)rter|passw(?:ö|oe)rter|wachtwoorden|mots[ _-]de[ _-]passe|contrase(?:ñ|n)as|l(?:ö|o)senord)\.(?:csv|json|xml|xlsx?|txt|docx?)$/,
    what: 'mailSecret.attachment.passwordList',
  },
  {
    test: /(?:^|[\\/_-])(?:[a-z0-9]+_)?accesskeys?\.csv$|(?:^|[\\/])(?:new_user_)?credentials\.csv$/,
    what: 'mailSecret.attachment.awsKeys',
  },
  { test: /(?:recovery|backup)[ _-]?codes?/, what: 'mailSecret.attachment.backupCodes' },
];

const SCAN_EXTENSIONS = /\.(?:jpe?g|png|heic|heif|gif|webp|tiff?|bmp|pdf)$/;
const IDENTITY_DOCUMENT =
  /passport|pasaporte|passeport|reisepass|paspoort|passaporto|pass(?:foto|kopie)|(?<![a-z])id[ _-]?card|identity[ _-]?card|identit(?:y|é|e)[ _-]?(?:document|card)|personalausweis|ausweis|carte[ _-]?(?:d[' _-]?)?identit|identiteitskaart|(?<![a-z])(?:dni|nie)(?![a-z])|carta[ _-]?d[' _-]?identit|driver'?s?[ _-]?licen[cs]e|driving[ _-]?licen[cs]e|f(?:ü|ue)hrerschein|rijbewijs|permis[ _-]de[ _-]conduire|social[ _-]?security|(?<![a-z])ssn(?![a-z])|birth[ _-]?certificate|geburtsurkunde|residence[ _-]?permit|aufenthalts|green[ _-]?card|(?<![a-z])brp(?![a-z])/;

/**
 * Whether an attachment named `fileName` (with MIME type `mimeType`) is sensitive by what it is,
 * and what it is; null otherwise. Only the name and type are read.
 */
export function classifySecretAttachment(fileName: string, mimeType = ''): SecretAttachment | null {
  const name = fileName.trim().toLowerCase();
  if (name === '') return null;
  const extension = /\.([a-z0-9]{1,12})$/.exec(name)?.[1];
  const described = (id: MessageId) => {
    const what = format(id);
    return { hint: extension ? format('mailSecret.attachment.withExtension', { what, extension }) : what };
  };
  for (const rule of EXPORT_NAMES) if (rule.test.test(name)) return described(rule.what);
  for (const rule of EXTENSION_RULES) {
    // A Keynote presentation is a .key file too.
    if (rule.test.test(name) && !(extension === 'key' && /keynote|iwork/.test(mimeType)))
      return described(rule.what);
  }
  if (
    (SCAN_EXTENSIONS.test(name) || /^image\/|^application\/pdf$/.test(mimeType)) &&
    IDENTITY_DOCUMENT.test(name)
  ) {
    return described('mailSecret.attachment.identityDocument');
  }
  if (mimeType === 'application/x-pkcs12') return described('mailSecret.attachment.certificate');
  return null;
}
