import { describe, expect, it } from 'vitest';
import { listingOf } from './index';

describe('which command lines the accounts listing answers alone', () => {
  it('answers `accounts` with --json and --data-dir in any order and form', () => {
    expect(listingOf(['accounts', '--json', '--data-dir', '/d'])).toEqual({ dataDir: '/d', json: true });
    expect(listingOf(['--data-dir=/d', 'accounts'])).toEqual({ dataDir: '/d', json: false });
    expect(listingOf(['accounts', '--json', '--data-dir', '/a', '--data-dir', '/b'])).toEqual({
      dataDir: '/b',
      json: true,
    });
    expect(listingOf(['accounts'])?.dataDir).toEqual(expect.any(String));
  });

  it('leaves everything else to the full command line, which parses and reports it', () => {
    for (const argv of [
      ['accounts', 'add', '--person', 'Ana', '--url', 'https://x.example'],
      ['accounts', '--as', 'Helper'],
      ['accounts', '--offline'],
      ['accounts', '--data-dir'],
      ['accounts', '--json=yes'],
      ['accounts', '--help'],
      ['accounts', '-h'],
      ['accounts', '--', '--json'],
      ['people', '--json'],
      ['--json'],
      [],
    ])
      expect([argv, listingOf(argv)]).toEqual([argv, null]);
  });
});
