/** `'a', 'b'` for a CHECK (… IN (…)) list of known constants (never user input). */
export const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');
