/**
 * Lockstep's words for text written by the main process and the CLI: usage,
 * command output, advice, the team report and validation messages, in English. Part of the one catalogue (`../en.ts`,
 * which gives the rules for ids and voice); kept in a file of its own so an area's words are found
 * together. An id is defined in one file only.
 */
export const MAIN = {} as const satisfies Record<string, string>;
