import type { z } from 'zod';
import type { Category, Criticality, MfaMethod } from '../domain/inventory';
import type { ServiceUrlInfo } from '../domain/serviceUrl';
import type { Result } from './result';
import type { Channel, requestSchemas } from './schemas';

export type { Channel } from './schemas';

/** A person whose accounts are in this file. */
export interface Person {
  id: number;
  name: string;
  /** The "Me" created on first run. */
  isDefault: boolean;
  accountCount: number;
  emails: EmailAddress[];
  createdAt: string;
}

/** An email address a person uses. */
export interface EmailAddress {
  id: number;
  personId: number;
  address: string;
  createdAt: string;
}

/** An account in the inventory. Dates are `YYYY-MM-DD`; timestamps ISO-8601 UTC. */
export interface Account {
  id: number;
  personId: number;
  personName: string;
  service: string;
  url: string;
  /** Registrable domain derived from `url`, or null without a URL. */
  domain: string | null;
  urlKind: ServiceUrlInfo['kind'] | null;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
  passwordChangedAt: string | null;
  recoveryReviewedAt: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** Facts about the running app. */
export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  platform: string;
}

/** What a delete returns so the user can undo it. */
export interface DeletionReceipt {
  token: string;
  count: number;
}

interface Responses {
  'app:info': AppInfo;
  'people:list': Person[];
  'people:create': Person;
  'people:rename': Person;
  'people:delete': DeletionReceipt;
  'emails:add': EmailAddress;
  'emails:delete': DeletionReceipt;
  'accounts:list': Account[];
  'accounts:get': Account;
  'accounts:create': Account;
  'accounts:update': Account;
  'accounts:delete': DeletionReceipt;
  'trash:undo': { restored: number };
  'shell:openExternal': { opened: boolean };
}

/** The request type of a channel, as the renderer sends it (before validation). */
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
/** The request type of a channel after validation, as handlers receive it. */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = Responses[C];

/** Areas whose data changed; views holding that data refetch. */
export type ChangeArea = 'people' | 'accounts';
/** The event main broadcasts after a write. */
export interface DidChangeEvent {
  areas: ChangeArea[];
}
/** The one event channel from main to renderer. */
export const DID_CHANGE_CHANNEL = 'app:didChange';

/**
 * `window.lockstep`: one function per channel, plus a change subscription. The preload object
 * `satisfies` this type, so a channel without a function fails to compile.
 */
export type LockstepApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  /** Subscribes to change events; returns the unsubscribe function. */
  onDidChange(listener: (event: DidChangeEvent) => void): () => void;
};
