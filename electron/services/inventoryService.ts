import { format } from '../../common/messages/format';
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../common/ipc/result';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type {
  Account,
  DeletionReceipt,
  EmailAddress,
  PendingDeletion,
  Person,
} from '../../common/model/index';
import { queryAccounts } from '../../common/domain/accountQuery';
import { accountChanges } from '../../common/domain/history/accountChanges';
import { isServiceUrlError, parseServiceUrl } from '../../common/domain/serviceUrl';
import { looksLikeAppId, readableServiceName } from '../../common/domain/names';
import { checkAccountDates, type ValidAccountInput } from '../../common/domain/validation';
import type { AccountValues } from '../db/repositories/accountsRepository';
import type { Repositories } from '../db/repositories/index';
import { today, type Clock } from './clock';
import type { Store } from './store';
import type { WriteContext } from './writePath';
import { peopleInScope, type Scope } from './scope';

/**
 * The name of the person created on first run, in the catalogue in use ("Me"). A data file named
 * its first person once, when it was made: that stored name stays as it is.
 */
export const defaultPersonName = (): string => format('inventory.defaultPersonName');

/** People, their email addresses and accounts: the use cases behind the inventory screens. */
export class InventoryService {
  /** This session's deletions, newest last: each can be undone until the app closes. */
  private readonly deletions: PendingDeletion[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** The service's own name for a domain (the two-step directory's), when the datasets load. */
    private readonly nameOfDomain: (domain: string) => string | undefined = () => undefined,
  ) {}

  /**
   * Names the accounts kept under a raw Android app id ("com.instagram.android": imports before
   * this version stored the id as the service's name) after the app, as imports now do
   * ("Instagram (Android app)"), each with its history entry, so tasks and findings never show the
   * id. Writes only when such an account exists; returns how many were renamed.
   */
  nameAppAccounts(): number {
    const candidates = this.store.read.accounts.dottedServices().filter((a) => looksLikeAppId(a.service));
    if (candidates.length === 0) return 0;
    return this.store.write((tx) => {
      let renamed = 0;
      for (const { id } of candidates) {
        // Decided again inside the write: another Lockstep may have renamed it meanwhile.
        const before = tx.repos.accounts.get(id);
        if (!before || !looksLikeAppId(before.service)) continue;
        const service = readableServiceName(before.service, this.nameOfDomain).slice(0, 200);
        const note = format('names.renamedFromAppId', { appId: before.service });
        updateAccount(tx, before, { ...valuesOf(before), service }, note);
        renamed += 1;
      }
      if (renamed > 0) tx.announce('accounts', 'findings', 'tasks');
      return renamed;
    });
  }

  /** Deletes for good what the last session left in the trash (its undo window has ended). */
  purgeTrash(): number {
    this.deletions.length = 0;
    return this.store.write((tx) => tx.repos.trash.purge());
  }

  /** The deletions of this session that can still be undone, newest first. */
  pendingDeletions(): PendingDeletion[] {
    return this.deletions.filter((d) => this.store.read.trash.countOf(d.token) > 0).reverse();
  }

  private remember(token: string, label: string, count: number, at: string): DeletionReceipt {
    this.deletions.push({ token, label, count, deletedAt: at });
    return { token, count };
  }

  listPeople(): Person[] {
    return this.store.read.people.list();
  }

  /**
   * Adds a person, with their group, role and email addresses (the first is their main address),
   * in one change. Adding a second person re-words the tasks: they then say whose account it is.
   */
  createPerson({ name, group, role, emails }: ParsedRequestOf<'people:create'>): Person {
    return this.store.write((tx) => addPerson(tx, { name, group, role, emails }));
  }

  /** Sets a person's group and role. */
  updatePerson({ id, group, role }: ParsedRequestOf<'people:update'>): Person {
    return this.store.write((tx) => {
      const before = requirePerson(tx.repos, id);
      const after = { group: group ?? before.group, role: role ?? before.role };
      tx.repos.people.setProfile(id, after, tx.now);
      for (const field of ['group', 'role'] as const) {
        if (after[field] !== before[field])
          tx.record({
            subjectType: 'person',
            subjectId: id,
            action: field,
            from: before[field] || null,
            to: after[field] || null,
            note: '',
          });
      }
      tx.announce('people');
      return requirePerson(tx.repos, id);
    });
  }

  renamePerson({ id, name }: ParsedRequestOf<'people:rename'>): Person {
    return this.store.write((tx) => {
      const before = requirePerson(tx.repos, id);
      tx.repos.people.rename(id, name, tx.now);
      if (before.name !== name)
        tx.record({
          subjectType: 'person',
          subjectId: id,
          action: 'renamed',
          from: before.name,
          to: name,
          note: '',
        });
      tx.touch('inventory');
      tx.announce('people', 'accounts');
      return requirePerson(tx.repos, id);
    });
  }

  deletePerson({ id }: ParsedRequestOf<'people:delete'>): DeletionReceipt {
    return this.store.write((tx) => {
      const person = requirePerson(tx.repos, id);
      if (tx.repos.people.count() <= 1) {
        throw new AppFailure('conflict', format('errors.inventory.keepOnePerson'));
      }
      const token = randomUUID();
      const count = tx.repos.people.trash(id, token);
      tx.record({
        subjectType: 'person',
        subjectId: id,
        action: 'deleted',
        from: person.name,
        to: null,
        note: format('inventory.deletedWith', { count: person.accountCount }),
      });
      tx.touch('inventory');
      tx.announce('people', 'accounts');
      const accounts = person.accountCount;
      const label =
        accounts === 0
          ? person.name
          : format('inventory.personAndAccounts', { name: person.name, count: accounts });
      return this.remember(token, label, count, tx.now);
    });
  }

  addEmail({ personId, address }: ParsedRequestOf<'emails:add'>): EmailAddress {
    return this.store.write((tx) => {
      requirePerson(tx.repos, personId);
      if (tx.repos.people.findEmailAddress(personId, address)) {
        throw new AppFailure('conflict', format('errors.inventory.addressTaken'), {
          address: format('errors.inventory.addressTaken'),
        });
      }
      const id = tx.repos.people.addEmail(personId, address, tx.now);
      tx.record({ subjectType: 'email', subjectId: id, action: 'added', from: null, to: address, note: '' });
      tx.touch('inventory');
      tx.announce('people');
      const email = tx.repos.people.getEmailAddress(id);
      if (!email) throw missing('email address');
      return email;
    });
  }

  /**
   * Adds several addresses to a person at once (those found as login names in an import); the ones
   * they already have are left as they are. Returns the ones added.
   */
  addEmails({ personId, addresses }: ParsedRequestOf<'emails:addMany'>): { added: EmailAddress[] } {
    return this.store.write((tx) => {
      requirePerson(tx.repos, personId);
      const added: EmailAddress[] = [];
      const seen = new Set<string>();
      for (const address of addresses) {
        const key = address.toLowerCase();
        if (seen.has(key) || tx.repos.people.findEmailAddress(personId, address)) continue;
        seen.add(key);
        const id = tx.repos.people.addEmail(personId, address, tx.now);
        tx.record({
          subjectType: 'email',
          subjectId: id,
          action: 'added',
          from: null,
          to: address,
          note: '',
        });
        added.push(tx.repos.people.getEmailAddress(id)!);
      }
      if (added.length > 0) {
        tx.touch('inventory');
        tx.announce('people');
      }
      return { added };
    });
  }

  deleteEmail({ id }: ParsedRequestOf<'emails:delete'>): DeletionReceipt {
    return this.store.write((tx) => {
      const email = tx.repos.people.getEmailAddress(id);
      if (!email) throw missing('email address');
      const token = randomUUID();
      const count = tx.repos.people.trashEmailAddress(id, token);
      tx.record({
        subjectType: 'email',
        subjectId: id,
        action: 'deleted',
        from: email.address,
        to: null,
        note: '',
      });
      tx.touch('inventory');
      tx.announce('people');
      return this.remember(token, email.address, count, tx.now);
    });
  }

  /** Every account, or those of one person or group. */
  listAccounts(scope: Scope = {}): Account[] {
    const people = peopleInScope(this.store.read, scope);
    return people === null ? this.store.read.accounts.list() : this.store.read.accounts.listOf(people);
  }

  /**
   * One window of the accounts list: in scope, searched, filtered and sorted here (the same query
   * the list ran in the window before), with how many match and how many there are in scope.
   */
  accountsPage({ offset, limit, sort, personId, group, ...filter }: ParsedRequestOf<'accounts:page'>): {
    total: number;
    all: number;
    items: Account[];
  } {
    const inScope = this.listAccounts({ personId, group });
    const matching = queryAccounts(inScope, { ...filter, personId: null }, sort);
    return { total: matching.length, all: inScope.length, items: matching.slice(offset, offset + limit) };
  }

  getAccount({ id }: ParsedRequestOf<'accounts:get'>): Account {
    const account = this.store.read.accounts.get(id);
    if (!account) throw missing('account');
    return account;
  }

  createAccount(input: ParsedRequestOf<'accounts:create'>): Account {
    return this.store.write((tx) => {
      const values = toValues(tx, input);
      const id = tx.repos.accounts.insert(values, tx.now);
      tx.record({
        subjectType: 'account',
        subjectId: id,
        action: 'added',
        from: null,
        to: values.service,
        note: '',
      });
      tx.touch('inventory');
      tx.announce('accounts', 'people');
      return requireAccount(tx.repos, id);
    });
  }

  updateAccount({ id, ...input }: ParsedRequestOf<'accounts:update'>): Account {
    return this.store.write((tx) => {
      const before = requireAccount(tx.repos, id);
      const values = toValues(tx, input);
      updateAccount(tx, before, values, '');
      tx.announce('accounts', 'people');
      return requireAccount(tx.repos, id);
    });
  }

  /**
   * The answer to "Have you changed this password since the breach?": records the date, and the
   * checks re-run (a date after the breach resolves the finding).
   */
  confirmPasswordChange({ id, changedOn }: ParsedRequestOf<'accounts:confirmPasswordChange'>): Account {
    const errors = checkAccountDates(
      { passwordChangedAt: changedOn, recoveryReviewedAt: null },
      today(this.clock),
    );
    if (errors.passwordChangedAt)
      throw new AppFailure('invalid_input', errors.passwordChangedAt, {
        changedOn: errors.passwordChangedAt,
      });
    return this.store.write((tx) => {
      const before = requireAccount(tx.repos, id);
      updateAccount(tx, before, { ...valuesOf(before), passwordChangedAt: changedOn }, '');
      tx.announce('accounts', 'people');
      return requireAccount(tx.repos, id);
    });
  }

  deleteAccounts({ ids }: ParsedRequestOf<'accounts:delete'>): DeletionReceipt {
    return this.store.write((tx) => {
      const unique = [...new Set(ids)];
      const accounts = unique.flatMap((id) => {
        const account = tx.repos.accounts.get(id);
        return account ? [account] : [];
      });
      const token = randomUUID();
      const count = tx.repos.accounts.trash(
        accounts.map((a) => a.id),
        token,
      );
      if (count === 0) throw missing('account');
      for (const account of accounts) {
        tx.record({
          subjectType: 'account',
          subjectId: account.id,
          action: 'deleted',
          from: account.service,
          to: null,
          note: '',
        });
      }
      tx.touch('inventory');
      tx.announce('accounts', 'people');
      const label =
        accounts.length === 1 ? accounts[0]!.service : format('count.accounts', { count: accounts.length });
      return this.remember(token, label, count, tx.now);
    });
  }

  undo({ token }: ParsedRequestOf<'trash:undo'>): { restored: number } {
    return this.store.write((tx) => {
      const restored = tx.repos.trash.restore(token);
      if (restored === 0) {
        throw new AppFailure('not_found', format('errors.inventory.nothingToUndo'));
      }
      tx.record({
        subjectType: 'data',
        subjectId: 0,
        action: 'deletion undone',
        from: null,
        to: null,
        note: `${restored} restored`,
      });
      tx.touch('inventory');
      tx.announce('accounts', 'people');
      return { restored };
    });
  }
}

/**
 * Writes an account's new values and one history row per changed field (the same rows whatever
 * changed it: the form, a task done with evidence, a guide step, an import). A new password date
 * drops what was known about the old password. Touches the checks' inputs when anything changed.
 */
export function updateAccount(
  tx: WriteContext,
  before: Account,
  after: AccountValues,
  note: string,
  actor?: string,
): void {
  const changes = accountChanges(before, after);
  if (changes.length === 0 && before.domain === after.domain) return;
  tx.repos.accounts.update(before.id, after, tx.now);
  if (
    after.passwordChangedAt !== before.passwordChangedAt &&
    after.passwordChangedAt !== null &&
    (before.passwordChangedAt === null || after.passwordChangedAt >= before.passwordChangedAt)
  ) {
    // A new password: what was known about the old one no longer applies.
    tx.repos.signals.forget(before.id);
  }
  for (const change of changes) {
    tx.record({ subjectType: 'account', subjectId: before.id, ...change, note, ...(actor ? { actor } : {}) });
  }
  tx.touch('inventory');
}

/**
 * Adds a person inside a write: their name, group, role and addresses (duplicates dropped, in the
 * order given), each recorded in the history. Returns the person as stored.
 */
export function addPerson(
  tx: WriteContext,
  values: {
    name: string;
    group?: string | undefined;
    role?: string | undefined;
    emails?: readonly string[] | undefined;
  },
): Person {
  const id = tx.repos.people.create(values.name, tx.now);
  tx.record({ subjectType: 'person', subjectId: id, action: 'added', from: null, to: values.name, note: '' });
  const group = values.group ?? '';
  const role = values.role ?? '';
  if (group !== '' || role !== '') {
    tx.repos.people.setProfile(id, { group, role }, tx.now);
    if (group !== '')
      tx.record({ subjectType: 'person', subjectId: id, action: 'group', from: null, to: group, note: '' });
    if (role !== '')
      tx.record({ subjectType: 'person', subjectId: id, action: 'role', from: null, to: role, note: '' });
  }
  addAddresses(tx, id, values.emails ?? []);
  // Tasks name whose account they are once there are two people; addresses are a check's input.
  tx.touch((values.emails ?? []).length > 0 ? 'inventory' : 'tasks');
  tx.announce('people', 'tasks');
  return requirePerson(tx.repos, id);
}

/** Adds the addresses a person does not have yet, in order, each recorded; returns how many. */
export function addAddresses(tx: WriteContext, personId: number, addresses: readonly string[]): number {
  let added = 0;
  for (const address of addresses) {
    if (tx.repos.people.findEmailAddress(personId, address)) continue;
    const emailId = tx.repos.people.addEmail(personId, address, tx.now);
    tx.record({
      subjectType: 'email',
      subjectId: emailId,
      action: 'added',
      from: null,
      to: address,
      note: '',
    });
    added += 1;
  }
  if (added > 0) tx.touch('inventory');
  return added;
}

/** The writable values of an account as it is. */
export function valuesOf(account: Account): AccountValues {
  return {
    personId: account.personId,
    service: account.service,
    url: account.url,
    domain: account.domain,
    urlKind: account.urlKind,
    username: account.username,
    category: account.category,
    criticality: account.criticality,
    mfa: account.mfa,
    passwordChangedAt: account.passwordChangedAt,
    recoveryReviewedAt: account.recoveryReviewedAt,
    notes: account.notes,
  };
}

/** One account, inside a write; a missing one is an error a person understands. */
export function requireAccount(repos: Pick<Repositories, 'accounts'>, id: number): Account {
  const account = repos.accounts.get(id);
  if (!account) throw missing('account');
  return account;
}

function requirePerson(repos: Pick<Repositories, 'people'>, id: number): Person {
  const person = repos.people.get(id);
  if (!person) throw missing('person');
  return person;
}

function toValues(tx: WriteContext, input: ValidAccountInput): AccountValues {
  const dateErrors = checkAccountDates(input, tx.day);
  if (Object.keys(dateErrors).length > 0) {
    throw new AppFailure('invalid_input', format('errors.inventory.datesInFuture'), dateErrors);
  }
  if (!tx.repos.people.get(input.personId)) {
    throw new AppFailure('invalid_input', format('errors.inventory.choosePerson'), {
      personId: format('errors.inventory.personGone'),
    });
  }
  let domain: string | null = null;
  let urlKind: AccountValues['urlKind'] = null;
  let url = '';
  if (input.url !== '') {
    const parsed = parseServiceUrl(input.url);
    // The schema already refused unparseable URLs; this guards the invariant.
    if (isServiceUrlError(parsed)) throw new AppFailure('invalid_input', parsed.error, { url: parsed.error });
    domain = parsed.domain;
    urlKind = parsed.kind;
    url = input.url;
  }
  return {
    personId: input.personId,
    service: input.service,
    url,
    domain,
    urlKind,
    username: input.username,
    category: input.category,
    criticality: input.criticality,
    mfa: input.mfa,
    passwordChangedAt: input.passwordChangedAt,
    recoveryReviewedAt: input.recoveryReviewedAt,
    notes: input.notes,
  };
}

function missing(what: 'email address' | 'account' | 'person'): AppFailure {
  return new AppFailure('not_found', format('errors.inventory.missing', { what }));
}
