/**
 * The bundled common-password list (NCSC "PwnedPasswordsTop100k": the 100,000 passwords seen most
 * often in breaches, most common first). Used for `password_pwned` when there is no offline index
 * and the online check is off.
 */

/** A lookup over a ranked list of common passwords. */
export interface CommonPasswordList {
  /** How many distinct passwords the list holds. */
  readonly size: number;
  /**
   * The password's 1-based rank in the list (1 = the most common), or null when it is not listed.
   * Exact, case-sensitive match: `Password` is not `password`.
   */
  rank(password: string): number | null;
}

/**
 * Builds a {@link CommonPasswordList} from the list's text: one password per line, most common
 * first, LF or CRLF line ends. Empty lines are ignored and do not take a rank; a password listed
 * twice keeps its first (better) rank. A leading byte-order mark is dropped. Spaces are kept:
 * they can be part of a password.
 */
export function createCommonPasswordSet(text: string): CommonPasswordList {
  const ranks = new Map<string, number>();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rank = 0;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const lineEnd = end > start && body.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (lineEnd > start) {
      rank += 1;
      const password = body.slice(start, lineEnd);
      if (!ranks.has(password)) ranks.set(password, rank);
    }
    start = end + 1;
  }
  return {
    size: ranks.size,
    rank: (password) => ranks.get(password) ?? null,
  };
}
