/**
 * Lockstep's words for the office screens and dialogs: People, Team, Reports,
 * Breaches and notices, Mailbox scan, Settings, and the account, dismiss, restore and staff-import
 * dialogs, in English. Part of the one catalogue (`../en.ts`,
 * which gives the rules for ids and voice); kept in a file of its own so an area's words are found
 * together. An id is defined in one file only.
 */
export const OFFICE = {} as const satisfies Record<string, string>;
