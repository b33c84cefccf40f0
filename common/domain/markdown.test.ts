import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLineStart, escapeMarkdownText } from './markdown';

/** How GitHub-flavoured Markdown renders a line (micromark with the GFM extensions, raw HTML kept). */
const render = (markdown: string) =>
  micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

describe('plain text in Markdown', () => {
  const hostile = [
    'https://evil.example/login',
    'HTTP://EVIL.EXAMPLE',
    'see www.evil.example now',
    'WWW.Evil.Example',
    'write to boss@evil.example',
    'mailto:boss@evil.example',
    'xmpp:boss@evil.example',
    '[click](https://evil.example)',
    '![x](https://evil.example/p.png)',
    '<https://evil.example>',
    '<img src=x onerror=alert(1)>',
    '| a | b |',
    '**bold** _it_ `code` ~~gone~~ &amp;',
  ];

  it.each(hostile)('renders %j as that text, with no link, image or HTML', (text) => {
    const html = render(escapeMarkdownLineStart(escapeMarkdownText(text)));
    expect(html).not.toMatch(/<a |<img|<table|<strong|<em|<code|<del/);
    // What a reader sees is the text itself.
    const shown = html
      .replace(/^<p>|<\/p>\n?$/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(shown).toBe(text);
  });

  it('is readable as raw text: times, notes and dates keep their colons', () => {
    expect(escapeMarkdownText('Note: done at 22:22, 28 November 2026')).toBe(
      'Note: done at 22:22, 28 November 2026',
    );
  });

  it('keeps a line from opening a heading, quote or list', () => {
    for (const text of ['# Title', '> quote', '- item', '+ item', '1. item', '2) item', '=== x']) {
      const html = render(escapeMarkdownLineStart(escapeMarkdownText(text)));
      expect(html).toMatch(/^<p>/);
    }
  });
});
