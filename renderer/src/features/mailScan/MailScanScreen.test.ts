import { afterEach, describe, expect, it } from 'vitest';
import { format, setMessageLocale } from '../../../../common/messages/format';
import { attachmentKind } from './MailScanScreen';

afterEach(() => setMessageLocale('en'));

/** How the summary names the attachments not read, by the keys the scan stores. */
const named = (byType: Record<string, number>) =>
  Object.entries(byType).map(([type, count]) =>
    format('mailScan.attachmentType', { count, type: attachmentKind(type) }),
  );

describe('attachments not read, in words', () => {
  it('names each stored kind in the catalogue’s words, with its plural', () => {
    expect(
      named({ image: 1, 'audio or video': 2, pdf: 3, archive: 1, 'office document': 2, other: 1, zzz: 4 }),
    ).toEqual([
      '1 image',
      '2 audio or video files',
      '3 PDFs',
      '1 archive',
      '2 office documents',
      '1 other file',
      '4 other files',
    ]);
  });

  it('shows no stored key and no plain English in the pseudo-locale', () => {
    setMessageLocale('pseudo');
    for (const text of named({ image: 1, 'audio or video': 2, 'office document': 2, other: 1 })) {
      expect(text.match(/[A-Za-z]{2,}/g) ?? [], text).toEqual([]);
    }
  });
});
