/**
 * Lockstep's words for the guide screens: Guides, guide mode, its steps and
 * summary, the start dialog and the checklist board, in English. Part of the one catalogue (`../en.ts`,
 * which gives the rules for ids and voice); kept in a file of its own so an area's words are found
 * together. An id is defined in one file only.
 */
export const GUIDES = {} as const satisfies Record<string, string>;
