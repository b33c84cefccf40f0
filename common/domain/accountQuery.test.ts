import { describe, expect, it } from 'vitest';
import type { Account } from '../model/index';
import { EMPTY_FILTER, queryAccounts } from './accountQuery';

let nextId = 1;
const account = (fields: Partial<Account>): Account => ({
  id: nextId++,
  personId: 1,
  personName: 'Me',
  service: 'Service',
  url: '',
  domain: null,
  urlKind: null,
  username: '',
  category: 'other',
  criticality: 'standard',
  mfa: 'unknown',
  passwordChangedAt: null,
  recoveryReviewedAt: null,
  notes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  hasTotp: false,
  source: 'manual',
  passwordStrength: null,
  ...fields,
});

const list = [
  account({
    service: 'Zürich Bank',
    domain: 'zkb.ch',
    category: 'finance',
    criticality: 'critical',
    mfa: 'sms',
  }),
  account({
    service: 'adobe',
    domain: 'adobe.com',
    username: 'designer@example.com',
    passwordChangedAt: '2020-01-01',
  }),
  account({
    service: 'Dropbox',
    domain: 'dropbox.com',
    personId: 2,
    personName: 'Sam',
    mfa: 'totp',
    passwordChangedAt: '2024-05-01',
  }),
];
const sortByService = { key: 'service', direction: 'asc' } as const;
const names = (accounts: Account[]) => accounts.map((a) => a.service);

describe('queryAccounts', () => {
  it('sorts by service, case- and accent-insensitively, both ways', () => {
    expect(names(queryAccounts(list, EMPTY_FILTER, sortByService))).toEqual([
      'adobe',
      'Dropbox',
      'Zürich Bank',
    ]);
    expect(names(queryAccounts(list, EMPTY_FILTER, { key: 'service', direction: 'desc' }))).toEqual([
      'Zürich Bank',
      'Dropbox',
      'adobe',
    ]);
  });

  it('searches every word across service, domain, username and person', () => {
    expect(names(queryAccounts(list, { ...EMPTY_FILTER, search: 'zurich' }, sortByService))).toEqual([
      'Zürich Bank',
    ]);
    expect(names(queryAccounts(list, { ...EMPTY_FILTER, search: 'designer adobe' }, sortByService))).toEqual([
      'adobe',
    ]);
    expect(names(queryAccounts(list, { ...EMPTY_FILTER, search: 'sam' }, sortByService))).toEqual([
      'Dropbox',
    ]);
    expect(queryAccounts(list, { ...EMPTY_FILTER, search: 'designer dropbox' }, sortByService)).toEqual([]);
  });

  it('combines filters', () => {
    expect(names(queryAccounts(list, { ...EMPTY_FILTER, personId: 2 }, sortByService))).toEqual(['Dropbox']);
    expect(names(queryAccounts(list, { ...EMPTY_FILTER, criticality: 'critical' }, sortByService))).toEqual([
      'Zürich Bank',
    ]);
    expect(names(queryAccounts(list, { ...EMPTY_FILTER, mfa: 'totp', personId: 1 }, sortByService))).toEqual(
      [],
    );
  });

  it('sorts unknown password dates as the oldest, and criticality by rank', () => {
    expect(names(queryAccounts(list, EMPTY_FILTER, { key: 'passwordChangedAt', direction: 'asc' }))).toEqual([
      'Zürich Bank',
      'adobe',
      'Dropbox',
    ]);
    expect(names(queryAccounts(list, EMPTY_FILTER, { key: 'criticality', direction: 'asc' }))[0]).toBe(
      'Zürich Bank',
    );
  });

  it('filters 10,000 accounts', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      account({ service: `Service ${i}`, username: `user${i}@example.com` }),
    );
    const found = queryAccounts(many, { ...EMPTY_FILTER, search: 'user99' }, sortByService);
    expect(found.length).toBe(111);
  });
});
