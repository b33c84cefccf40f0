import { describe, expect, it } from 'vitest';
import { classifySecretAttachment } from './attachments';

describe('attachments that are secrets by what they are', () => {
  it.each([
    ['Passwords.kdbx', 'KeePass database (.kdbx)'],
    ['bitwarden_export_20240101.json', 'Bitwarden export (.json)'],
    ['Chrome Passwords.csv', 'Password list (.csv)'],
    ['server.pem', 'Key or certificate file (.pem)'],
    ['client.p12', 'Certificate with private key (.p12)'],
    ['office.ovpn', 'OpenVPN profile (.ovpn)'],
    ['.env', 'Environment file with settings and keys (.env)'],
    ['prod.env', 'Environment file with settings and keys (.env)'],
    ['id_ed25519', 'SSH private key'],
    ['bob_accessKeys.csv', 'AWS access key file (.csv)'],
    ['github-recovery-codes.txt', 'Two-step backup codes (.txt)'],
    ['passport_scan.jpg', 'Scan or photo of an identity document (.jpg)'],
    ['Personalausweis Rückseite.pdf', 'Scan or photo of an identity document (.pdf)'],
    ['scan_dni.png', 'Scan or photo of an identity document (.png)'],
  ])('%s is sensitive', (name, hint) => {
    expect(classifySecretAttachment(name)).toEqual({ hint });
  });

  it.each([
    'holiday.jpg',
    'invoice.pdf',
    'report.docx',
    'passport-renewal-guide.html',
    'keys.txt',
    'environment.md',
  ])('%s is not', (name) => {
    expect(classifySecretAttachment(name)).toBeNull();
  });

  it('does not take a Keynote presentation for a key file', () => {
    expect(classifySecretAttachment('Roadmap.key', 'application/vnd.apple.keynote')).toBeNull();
    expect(classifySecretAttachment('Roadmap.key', 'application/octet-stream')).not.toBeNull();
  });
});
