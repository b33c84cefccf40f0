import { describe, expect, it } from 'vitest';
import { htmlToDetectionText, repairC1Controls } from './text';

describe('HTML to detection text', () => {
  it('keeps what a reader sees, writes out link targets and drops scripts, styles and inline images', () => {
    const html =
      '<html><head><style>p{color:red}</style><title>Hi</title></head><body>' +
      '<p>Your password:&nbsp;<b>Tr0ub&amp;dor</b></p>' +
      '<a href="https://x.example.com/reset?token=abc&amp;u=1">Reset</a>' +
      '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk">' +
      '<script>var secret = "nope";</script><!-- hidden: x --></body></html>';
    const text = htmlToDetectionText(html);
    expect(text).toContain('Your password: Tr0ub&dor');
    expect(text).toContain('https://x.example.com/reset?token=abc&u=1');
    expect(text).not.toMatch(/color:red|nope|hidden|iVBOR/);
  });

  it('keeps table cells of one row on one line', () => {
    expect(
      htmlToDetectionText('<table><tr><td>Password:</td><td>Blue42sky</td></tr></table>').trim(),
    ).toMatch(/^Password:\s+Blue42sky$/);
  });
});

describe('C1 control repair', () => {
  it('reads C1 controls as the Windows-1252 characters they stand for', () => {
    expect(repairC1Controls('\u0093Tr0ub4dor\u0094 costs \u0080 5')).toBe('“Tr0ub4dor” costs € 5');
    expect(repairC1Controls('plain')).toBe('plain');
  });
});
