import { describe, expect, it } from 'vitest';
import { format } from '../messages/format';
import { jsonSyntaxValues } from './fileProblems';

/** What `JSON.parse` says of `text`, in the catalogue's words. */
function notJson(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return format('jsonFile.notJson', jsonSyntaxValues(text, error));
  }
  throw new Error(`${text} is JSON`);
}

describe('where text stops being JSON', () => {
  it('names the line and column when the engine gives a position inside the text', () => {
    expect(notJson('{\n  "id": 1\n  "title": "x"\n}')).toBe(
      'Not valid JSON: it stops being JSON at line 3, column 3.',
    );
  });

  it('says the text ends too soon when it does', () => {
    expect(notJson('{"id": ')).toBe('Not valid JSON: the text ends before the JSON is complete.');
    expect(notJson('')).toBe('Not valid JSON: the text ends before the JSON is complete.');
  });

  it('does not claim the text ends too soon when the engine names no position', () => {
    // V8 says "Unexpected token 'x', … is not valid JSON", with no position.
    expect(notJson('{"id": x}')).toBe(
      'Not valid JSON: look for a missing comma, bracket or quote, or a character that does not belong.',
    );
  });
});
