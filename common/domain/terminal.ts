/**
 * Text from the data (names and notes from imported files, which anyone can write) printed in a
 * terminal must not drive it: an escape sequence can recolour the screen, hide text, set the window
 * title, make OSC 8 links or ring the bell, and a carriage return or a bidirectional override can
 * make a line read differently from what it holds. These make such text inert and visible.
 */

// C0 controls, DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional embeddings, overrides and isolates ("Trojan Source").
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** The visible stand-in for a control character: its Control Pictures glyph (␛ for ESC), or �. */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\uFFFD';
}

/**
 * A whole block of human-readable output made safe for a terminal: line breaks stay (the output's
 * own layout), every other control character and bidi control is replaced by a visible stand-in.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\n' ? c : picture(c))).replace(BIDI, '\uFFFD');
}

/** One value from the data on one line: line breaks and tabs too become visible stand-ins. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, picture).replace(BIDI, '\uFFFD');
}
