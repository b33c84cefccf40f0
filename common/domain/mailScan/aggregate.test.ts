import { describe, expect, it } from 'vitest';
import {
  MAIL_FINDINGS_CAP,
  MailScanAggregator,
  UNDECODABLE_LIST_CAP,
  type MailMessageFacts,
} from './aggregate';

const me = 'key:me';
const facts = (overrides: Partial<MailMessageFacts>): MailMessageFacts => ({
  date: '2024-10-01',
  folder: 'Inbox',
  messageIdHash: null,
  fromKey: 'key:github',
  fromDomain: 'github.com',
  toDomains: ['example.org'],
  recipientKeys: [me],
  deliveredToKeys: [],
  ...overrides,
});

describe('aggregating a mailbox', () => {
  it('makes one finding of one secret seen in many messages, with its first and last date', () => {
    const aggregator = new MailScanAggregator();
    const token = { kind: 'github_token' as const, fingerprint: 'fp1', hint: 'GitHub token, 40 characters' };
    aggregator.addMessage(facts({ date: '2024-03-05', messageIdHash: 'h1' }), [token, token]);
    aggregator.addMessage(facts({ date: '2023-01-02', messageIdHash: 'h2', folder: 'Archive' }), [token]);
    aggregator.addMessage(facts({ date: null, messageIdHash: 'h3' }), [token]);
    const [finding, ...rest] = aggregator.report(['github_token']).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'github_token',
      label: 'GitHub token',
      count: 3,
      firstSeen: '2023-01-02',
      lastSeen: '2024-03-05',
      folders: ['Inbox', 'Archive'],
      messageIdHashes: ['h1', 'h2', 'h3'],
      account: 'github.com',
    });
  });

  it('keeps different kinds with equal fingerprints apart', () => {
    const aggregator = new MailScanAggregator();
    aggregator.addMessage(facts({}), [
      { kind: 'password', fingerprint: 'same', hint: 'Password, 8 characters' },
      { kind: 'otp_seed', fingerprint: 'same', hint: 'Two-step sign-in setup key, 16 characters' },
    ]);
    expect(aggregator.report([]).findings.map((f) => f.kind)).toEqual(['password', 'otp_seed']);
  });

  it('tells the other party and the service from who sent the mail', () => {
    const aggregator = new MailScanAggregator();
    const password = { kind: 'password' as const, fingerprint: 'pw', hint: 'Password, 10 characters' };
    // A service mails the owner a password: the service is the account and the correspondent.
    aggregator.addMessage(facts({ fromKey: 'key:acme', fromDomain: 'mail.acme-corp.com' }), [password]);
    // The owner forwards it to a colleague: the colleague's domain is a correspondent, not the account.
    aggregator.addMessage(
      facts({
        fromKey: me,
        fromDomain: 'example.org',
        toDomains: ['partner.net'],
        recipientKeys: ['key:bob'],
      }),
      [password],
    );
    const [finding] = aggregator.report(['password']).findings;
    expect(finding?.account).toBe('acme-corp.com');
    expect(finding?.correspondentDomains).toEqual(['acme-corp.com', 'partner.net']);
  });

  it('does not take a personal mail provider or a click tracker for the account (the sender is, then)', () => {
    const aggregator = new MailScanAggregator();
    aggregator.addMessage(facts({ fromKey: 'key:friend', fromDomain: 'gmail.com' }), [
      { kind: 'password', fingerprint: 'pw', hint: 'Password, 10 characters' },
    ]);
    aggregator.addMessage(facts({ fromKey: 'key:shop', fromDomain: 'email.shop.com' }), [
      { kind: 'reset_link', fingerprint: 'link', hint: 'link', serviceHost: 'u123.ct.sendgrid.net' },
    ]);
    const [password, link] = aggregator.report([]).findings;
    expect(password?.account).toBeNull();
    expect(link?.account).toBe('shop.com');
  });

  it('uses the owner addresses it is given', () => {
    const aggregator = new MailScanAggregator();
    aggregator.addMessage(
      facts({
        fromKey: 'key:mine',
        fromDomain: 'example.org',
        toDomains: ['bank.example'],
        recipientKeys: ['key:bank'],
      }),
      [{ kind: 'iban', fingerprint: 'iban', hint: 'IBAN' }],
    );
    expect(aggregator.report([], ['key:mine']).findings[0]?.correspondentDomains).toEqual(['bank.example']);
  });

  it('counts every undecodable part and names the first ones', () => {
    const aggregator = new MailScanAggregator();
    for (let i = 0; i < UNDECODABLE_LIST_CAP + 5; i++)
      aggregator.addUndecodable({ where: `message ${i}`, why: 'x' });
    const report = aggregator.report([]);
    expect(report.undecodable.count).toBe(UNDECODABLE_LIST_CAP + 5);
    expect(report.undecodable.parts).toHaveLength(UNDECODABLE_LIST_CAP);
  });

  it('lists a bounded number of distinct secrets and counts the rest by kind', () => {
    const aggregator = new MailScanAggregator();
    for (let i = 0; i < MAIL_FINDINGS_CAP + 3; i++) {
      aggregator.addMessage(facts({}), [
        { kind: 'payment_card', fingerprint: `card${i}`, hint: 'Visa card number, 16 digits' },
      ]);
    }
    // A secret already listed is still counted on its finding.
    aggregator.addMessage(facts({}), [
      { kind: 'payment_card', fingerprint: 'card0', hint: 'Visa card number, 16 digits' },
    ]);
    const report = aggregator.report(['payment_card']);
    expect(report.findings).toHaveLength(MAIL_FINDINGS_CAP);
    expect(report.findings.find((f) => f.fingerprint === 'card0')?.count).toBe(2);
    expect(report.findingsNotListed).toEqual({ count: 3, byKind: { payment_card: 3 } });
  });

  it('continues from its state as if never interrupted', () => {
    const whole = new MailScanAggregator();
    const first = new MailScanAggregator();
    const inputs = [1, 2, 3, 4].map((n) => ({
      facts: facts({ date: `2024-0${n}-01`, messageIdHash: `h${n}` }),
      found: [
        { kind: 'github_token' as const, fingerprint: `fp${n % 2}`, hint: 'GitHub token, 40 characters' },
      ],
    }));
    for (const input of inputs) whole.addMessage(input.facts, input.found);
    for (const input of inputs.slice(0, 2)) first.addMessage(input.facts, input.found);
    const resumed = MailScanAggregator.fromState(JSON.parse(JSON.stringify(first.state())));
    for (const input of inputs.slice(2)) resumed.addMessage(input.facts, input.found);
    expect(resumed.report(['github_token'])).toEqual(whole.report(['github_token']));
  });
});
