/**
 * Plain text written into Markdown so that it renders as exactly that text under CommonMark and
 * GitHub-flavoured Markdown: nothing in it can become emphasis, code, a table, HTML, an image or a
 * link — including GFM's autolinks of bare `https://…`, `www.…` and e-mail addresses, which need no
 * brackets at all. (Names and notes come from imported files and from people: anyone can write them.)
 */

/** Characters that start inline syntax anywhere in a line, and `@`, the heart of an e-mail autolink. */
const MARKDOWN_SPECIAL = /[\\`*_[\]|<>~&@]/g;

/**
 * Backslash-escapes `text` for a Markdown line. The `:` of an autolink scheme (http, https, mailto,
 * xmpp), every `@` and the dot of `www.` are escaped too: GFM's autolink rules look for them in the
 * raw text, and an escaped character is plain text to them. Block syntax at
 * the start of a line is handled by {@link escapeMarkdownLineStart}.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(/(https?|mailto|xmpp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.');
}

/**
 * Escapes what would start a block when text opens a line (a list entry's content): a heading,
 * quote, list marker, rule or setext underline. Applied after {@link escapeMarkdownText}.
 */
export function escapeMarkdownLineStart(text: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(text);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
  return /^[#>+\-=]/.test(text) ? `\\${text}` : text;
}
