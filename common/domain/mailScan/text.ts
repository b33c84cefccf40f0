import { decodeHTML } from 'entities';

/**
 * Windows-1252 characters for the C1 range U+0080–U+009F. Text decoded as Latin-1 where the sender
 * meant Windows-1252 (what mail labelled `windows-1252` becomes under Node 20's decoder) carries
 * these control characters where it should have curly quotes, dashes and €. Real mail text never
 * holds C1 controls, so mapping them back is safe and lets `“secret”` end at its closing quote.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Replaces C1 control characters with the Windows-1252 characters their byte values stand for. */
export function repairC1Controls(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
}

const INVISIBLE = /<(script|style|head|title|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const LINK_TARGET = /<(?:a|area)\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const BLOCK_BREAK =
  /<(?:br|hr|p|div|tr|li|ul|ol|table|h[1-6]|blockquote|pre|section|article|header|footer)\b[^>]*>|<\/(?:p|div|tr|li|h[1-6]|blockquote|pre|table|section|article)\s*>/gi;
const CELL_BREAK = /<\/?(?:td|th)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>|<![^>]*>/gi;
const DATA_URI = /\bdata:[a-z]+\/[a-z0-9.+-]+;base64,[a-z0-9+/=\s]+/gi;

/**
 * The text of an HTML body as the detectors need it: what a reader sees, one line per block, with
 * each link's address written out after its text (a reset link hides its token in `href`), and
 * without scripts, styles, comments or inline `data:` images. Entities are decoded.
 */
export function htmlToDetectionText(html: string): string {
  const text = html
    .replace(INVISIBLE, ' ')
    .replace(DATA_URI, ' ')
    .replace(LINK_TARGET, (_tag, double?: string, single?: string, bare?: string) => {
      const target = double ?? single ?? bare ?? '';
      return /^(?:https?:|mailto:)/i.test(target.trim()) ? ` ${target.trim()} ` : ' ';
    })
    .replace(BLOCK_BREAK, '\n')
    .replace(CELL_BREAK, ' \t ')
    .replace(ANY_TAG, '');
  return decodeHTML(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n');
}
