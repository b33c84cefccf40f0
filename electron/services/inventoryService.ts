import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../common/ipc/result';
import type {
  Account,
  DeletionReceipt,
  EmailAddress,
  Person,
  ParsedRequestOf,
} from '../../common/ipc/contract';
import { isServiceUrlError, parseServiceUrl } from '../../common/domain/serviceUrl';
import { checkAccountDates, type ValidAccountInput } from '../../common/domain/validation';
import type { AccountsRepository, AccountValues } from '../db/repositories/accountsRepository';
import type { PeopleRepository } from '../db/repositories/peopleRepository';
import type { TrashRepository } from '../db/repositories/trashRepository';
import { timestamp, today, type Clock } from './clock';
import type { ChangeNotifier } from './events';

/** The name of the person created on first run. */
export const DEFAULT_PERSON_NAME = 'Me';

/** People, their email addresses and accounts: the use cases behind the inventory screens. */
export class InventoryService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly accounts: AccountsRepository,
    private readonly trashBin: TrashRepository,
    private readonly clock: Clock,
    private readonly changed: ChangeNotifier,
  ) {}

  /** On start: empties the trash of the last session and makes sure "Me" exists. */
  initialise(): void {
    this.trashBin.purge();
    if (this.people.count() === 0) this.people.create(DEFAULT_PERSON_NAME, timestamp(this.clock), true);
  }

  listPeople(): Person[] {
    return this.people.list();
  }

  createPerson({ name }: ParsedRequestOf<'people:create'>): Person {
    const id = this.people.create(name, timestamp(this.clock));
    this.changed(['people']);
    return this.requirePerson(id);
  }

  renamePerson({ id, name }: ParsedRequestOf<'people:rename'>): Person {
    if (!this.people.rename(id, name, timestamp(this.clock))) throw missing('person');
    this.changed(['people', 'accounts']);
    return this.requirePerson(id);
  }

  deletePerson({ id }: ParsedRequestOf<'people:delete'>): DeletionReceipt {
    this.requirePerson(id);
    if (this.people.count() <= 1) {
      throw new AppFailure(
        'conflict',
        'Keep at least one person: add someone else first, or rename this person.',
      );
    }
    const token = randomUUID();
    const count = this.people.trash(id, token);
    this.changed(['people', 'accounts']);
    return { token, count };
  }

  addEmail({ personId, address }: ParsedRequestOf<'emails:add'>): EmailAddress {
    this.requirePerson(personId);
    if (this.people.findEmailAddress(personId, address)) {
      throw new AppFailure('conflict', 'This person already has that address.', {
        address: 'This person already has that address.',
      });
    }
    const id = this.people.addEmail(personId, address, timestamp(this.clock));
    this.changed(['people']);
    const email = this.people.getEmailAddress(id);
    if (!email) throw missing('email address');
    return email;
  }

  deleteEmail({ id }: ParsedRequestOf<'emails:delete'>): DeletionReceipt {
    const token = randomUUID();
    const count = this.people.trashEmailAddress(id, token);
    if (count === 0) throw missing('email address');
    this.changed(['people']);
    return { token, count };
  }

  listAccounts(): Account[] {
    return this.accounts.list();
  }

  getAccount({ id }: ParsedRequestOf<'accounts:get'>): Account {
    const account = this.accounts.get(id);
    if (!account) throw missing('account');
    return account;
  }

  createAccount(input: ParsedRequestOf<'accounts:create'>): Account {
    const values = this.toValues(input);
    const id = this.accounts.insert(values, timestamp(this.clock));
    this.changed(['accounts', 'people']);
    return this.getAccount({ id });
  }

  updateAccount({ id, ...input }: ParsedRequestOf<'accounts:update'>): Account {
    const values = this.toValues(input);
    if (!this.accounts.update(id, values, timestamp(this.clock))) throw missing('account');
    this.changed(['accounts', 'people']);
    return this.getAccount({ id });
  }

  /**
   * The answer to "Have you changed this password since the breach?": records the date, and the
   * checks re-run (a date after the breach resolves the finding).
   */
  confirmPasswordChange({ id, changedOn }: ParsedRequestOf<'accounts:confirmPasswordChange'>): Account {
    const account = this.getAccount({ id });
    const errors = checkAccountDates(
      { passwordChangedAt: changedOn, recoveryReviewedAt: null },
      today(this.clock),
    );
    if (errors.passwordChangedAt)
      throw new AppFailure('invalid_input', errors.passwordChangedAt, {
        changedOn: errors.passwordChangedAt,
      });
    const { id: _id, ...rest } = account;
    void _id;
    this.accounts.update(id, { ...rest, passwordChangedAt: changedOn }, timestamp(this.clock));
    this.changed(['accounts', 'people']);
    return this.getAccount({ id });
  }

  deleteAccounts({ ids }: ParsedRequestOf<'accounts:delete'>): DeletionReceipt {
    const token = randomUUID();
    const count = this.accounts.trash([...new Set(ids)], token);
    if (count === 0) throw missing('account');
    this.changed(['accounts', 'people']);
    return { token, count };
  }

  undo({ token }: ParsedRequestOf<'trash:undo'>): { restored: number } {
    const restored = this.trashBin.restore(token);
    if (restored === 0) {
      throw new AppFailure('not_found', 'There is nothing left to undo: the deletion is final.');
    }
    this.changed(['accounts', 'people']);
    return { restored };
  }

  private requirePerson(id: number): Person {
    const person = this.people.get(id);
    if (!person) throw missing('person');
    return person;
  }

  private toValues(input: ValidAccountInput): AccountValues {
    const dateErrors = checkAccountDates(input, today(this.clock));
    if (Object.keys(dateErrors).length > 0) {
      throw new AppFailure('invalid_input', 'Some dates are in the future.', dateErrors);
    }
    if (!this.people.get(input.personId)) {
      throw new AppFailure('invalid_input', 'Choose who this account belongs to.', {
        personId: 'This person no longer exists.',
      });
    }
    let domain: string | null = null;
    let urlKind: AccountValues['urlKind'] = null;
    let url = '';
    if (input.url !== '') {
      const parsed = parseServiceUrl(input.url);
      // The schema already refused unparseable URLs; this guards the invariant.
      if (isServiceUrlError(parsed))
        throw new AppFailure('invalid_input', parsed.error, { url: parsed.error });
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
}

function missing(what: string): AppFailure {
  return new AppFailure('not_found', `That ${what} no longer exists. It may have been deleted.`);
}
