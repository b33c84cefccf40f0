/**
 * punycode.js (mathiasbynens/punycode.js, MIT), imported by file: a bare `punycode` names Node's
 * deprecated built-in module, which the renderer does not have. Only what common/ uses is declared.
 */
declare module 'punycode/punycode.js' {
  const punycode: {
    /** Converts a domain's ASCII-encoded ("xn--") labels to Unicode; other labels are kept. */
    toUnicode(input: string): string;
    /** Converts a domain's Unicode labels to their ASCII-encoded ("xn--") form. */
    toASCII(input: string): string;
  };
  export default punycode;
}
