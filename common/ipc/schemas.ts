import { z } from 'zod';
import { accountInputSchema, emailAddressSchema, idSchema, personNameSchema } from '../domain/validation';

const empty = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();

/**
 * Runtime validators for every request, by channel. The main process parses each payload with its
 * schema before a handler runs; anything else is refused.
 */
export const requestSchemas = {
  'app:info': empty,
  'people:list': empty,
  'people:create': z.object({ name: personNameSchema }).strict(),
  'people:rename': z.object({ id: idSchema, name: personNameSchema }).strict(),
  'people:delete': byId,
  'emails:add': z.object({ personId: idSchema, address: emailAddressSchema }).strict(),
  'emails:delete': byId,
  'accounts:list': empty,
  'accounts:get': byId,
  'accounts:create': accountInputSchema.strict(),
  'accounts:update': accountInputSchema.extend({ id: idSchema }).strict(),
  'accounts:delete': z
    .object({
      ids: z.array(idSchema).min(1, 'Choose at least one account.').max(100_000),
    })
    .strict(),
  'trash:undo': z.object({ token: z.string().regex(/^[a-f0-9-]{36}$/, 'Unknown undo token.') }).strict(),
  'shell:openExternal': z.object({ url: z.string().max(4000) }).strict(),
} as const;

/** Every channel name. */
export type Channel = keyof typeof requestSchemas;
/** The list of channels, in declaration order. */
export const CHANNELS = Object.keys(requestSchemas) as Channel[];
