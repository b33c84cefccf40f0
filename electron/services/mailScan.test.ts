import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type {
  Account,
  Finding,
  GuideRun,
  GuideRunSummary,
  MailScanStatus,
  Task,
} from '../../common/ipc/contract';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { buildMbox, buildMessage } from '../testing/mailFixtures';
import { forbiddenForms, PLANT_ENCODINGS, plantedMailbox, type Plant } from '../testing/plantedMailbox';
import { scanDataDirForSecrets } from '../testing/secretScan';
import { openCore, type Core } from './core';
import { scanMailbox } from './mailScan';
import { createFingerprinter } from './passwordHealth/fingerprint';
import { loadFingerprintKey } from './passwordHealthDeps';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});
const mailDir = mkdtempSync(join(tmpdir(), 'lockstep-mail-'));
afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

const START = Date.parse('2026-11-28T12:00:00Z');

function open(dataDir: string, platform = new RecordingPlatform()) {
  let ticks = 0;
  const core = openCore({ dataDir, platform, clock: { now: () => new Date(START + 1000 * ticks++) } });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), {
        code: result.error.code,
        fieldErrors: result.error.fieldErrors,
      });
    return result.value as T;
  };
  const account = (service: string, url: string, extra: Record<string, unknown> = {}) =>
    call<Account>('accounts:create', {
      personId: 1,
      service,
      url,
      username: 'ann@example.org',
      category: 'other',
      criticality: 'important',
      mfa: 'unknown',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
      ...extra,
    });
  const findings = async () =>
    (await call<Finding[]>('findings:list', {})).filter((f) => f.kind === 'mail_secret');
  const tasks = () => call<Task[]>('tasks:list', {});
  return { core, call, platform, account, findings, tasks };
}

const mailbox = plantedMailbox();
const mboxPath = join(mailDir, 'All mail Including Spam and Trash.mbox');
writeFileSync(mboxPath, mailbox.mbox);

/** The planted secret behind a finding, by kind and keyed fingerprint. */
function matcher(dataDir: string, platform: RecordingPlatform) {
  const exact = createFingerprinter(loadFingerprintKey(dataDir, platform)).exact;
  const keyOf = (plant: Plant) => `mail:${plant.kind}:${exact(plant.value)}`;
  return { keyOf, byKey: new Map(mailbox.plants.map((plant) => [keyOf(plant), plant])) };
}

describe('scanning a mailbox in the app', () => {
  it('finds the planted secrets in every encoding, turns each into a finding tied to its account and a task, and keeps no secret', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-mailscan-'));
    const { core, call, platform, account, findings, tasks } = open(dataDir);
    const github = await account('GitHub', 'https://github.com/login');
    const aws = await account('AWS console', 'https://console.aws.amazon.com/');
    const shop = await account('Amazon shop', 'https://www.amazon.com/');
    const shopwise = await account('Shopwise', 'https://www.shopwise.co.uk/account');

    platform.answerNextFile(mboxPath);
    const started = await call<{ started: boolean; status: MailScanStatus }>('mailScan:start', {
      personId: 1,
      source: 'file',
    });
    expect(started.started).toBe(true);
    expect(started.status.running?.scanId).toBe(started.status.scans[0]!.id);
    await core.mailScan.idle();

    // The honest summary: what was read, what could not be, what was looked for — by name only.
    const { running, scans } = await call<MailScanStatus>('mailScan:status', {});
    expect(running).toBeNull();
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({
      status: 'finished',
      sourceName: 'All mail Including Spam and Trash.mbox',
      sourceKind: 'file',
      messages: mailbox.messages,
      bytes: statSync(mboxPath).size,
      undecodable: { count: 0, parts: [] },
      canResume: false,
    });
    expect(scans[0]!.kindsLookedFor).toEqual(
      expect.arrayContaining(['Password or login details', 'GitHub token', 'Payment card number']),
    );
    expect(JSON.stringify(scans)).not.toContain(mailDir);

    // Recall and precision over every kind and encoding, by keyed fingerprint.
    const { keyOf, byKey } = matcher(dataDir, platform);
    const found = await findings();
    const subjects = new Set(found.map((f) => f.subject));
    const recall = (plants: readonly Plant[]) =>
      plants.filter((plant) => subjects.has(keyOf(plant))).length / plants.length;
    expect(recall(mailbox.plants)).toBeGreaterThanOrEqual(0.95);
    for (const encoding of PLANT_ENCODINGS) {
      expect(recall(mailbox.plants.filter((p) => p.encoding === encoding)), encoding).toBeGreaterThanOrEqual(
        0.9,
      );
    }
    const truePositives = found.filter((f) => byKey.has(f.subject)).length;
    expect(truePositives / found.length).toBeGreaterThanOrEqual(0.95);

    // Each finding says what, how often and when; tied to the account when that can be told.
    const planted = (kind: Plant['kind'], encoding = 'plain') =>
      found.find(
        (f) =>
          f.subject ===
          keyOf(
            mailbox.plants.find(
              (p) =>
                p.kind === kind && p.encoding === encoding && (kind !== 'password' || p.service !== null),
            )!,
          ),
      )!;
    expect(planted('github_token')).toMatchObject({
      status: 'open',
      severity: 'high',
      accountIds: [github.id],
      evidence: {
        kind: 'github_token',
        label: 'GitHub token',
        hint: 'GitHub token, 40 characters',
        count: 1,
        account: 'github.com',
        linkedBy: 'service',
      },
    });
    expect(planted('github_token').evidence.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // An AWS key is the AWS account's, not the Amazon shop's (account families decide).
    expect(planted('aws_access_key').accountIds).toEqual([aws.id]);
    expect(planted('aws_access_key').accountIds).not.toContain(shop.id);
    expect(planted('password').accountIds).toEqual([shopwise.id]);
    expect(planted('payment_card')).toMatchObject({ accountIds: [], evidence: { account: null } });

    // A task for each: the account's "change your password" for a password, else "replace it".
    const all = await tasks();
    const taskOf = (finding: Finding) => all.find((t) => t.findingIds.includes(finding.id))!;
    expect(taskOf(planted('github_token'))).toMatchObject({
      kind: 'rotate_secret',
      title: 'Replace the GitHub token found in your mail',
      accountId: github.id,
      status: 'todo',
    });
    expect(taskOf(planted('password'))).toMatchObject({
      kind: 'change_password',
      title: 'Change your password at Shopwise',
      accountId: shopwise.id,
    });
    expect(taskOf(planted('payment_card')).title).toBe(
      'Ask your bank for a new card: its number was in your mail',
    );

    // The same results on the command line's JSON shape come from the same findings.
    expect(found.every((f) => typeof f.evidence.count === 'number' && f.evidence.count >= 1)).toBe(true);

    // No secret at rest — not as written, not in base64, not as a SHA-1 or SHA-256 hex — in the
    // database, its write-ahead log or the key file; nor where the mail was on this computer.
    expect(core.read.history.verify().ok).toBe(true);
    expect(scanDataDirForSecrets(dataDir, [...forbiddenForms(mailbox.plants), mailDir])).toEqual([]);
  });

  it('closes a finding when its secret is replaced: the person’s word for a token, the password change for a password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-mailscan-'));
    const { core, call, platform, account, findings, tasks } = open(dataDir);
    const github = await account('GitHub', 'https://github.com/login');
    // The vault holds a password that was also mailed: the scan ties the two by keyed fingerprint.
    const password = mailbox.plants.find((p) => p.kind === 'password' && p.encoding === 'plain')!.value;
    const csv = `name,url,username,password\nForum,https://forum.example.net/,ann,${password}\n`;
    const preview = await call<{ sessionId: string }>('import:preview', {
      source: { name: 'export.csv', base64: Buffer.from(csv).toString('base64') },
      personId: 1,
      format: 'chrome-csv',
    });
    await call('import:confirm', { sessionId: preview.sessionId });
    const forum = (await call<Account[]>('accounts:list', {})).find((a) => a.service === 'Forum')!;

    platform.answerNextFile(mboxPath);
    await call('mailScan:start', { personId: 1, source: 'file' });
    await core.mailScan.idle();
    const { keyOf } = matcher(dataDir, platform);
    const find = async (plant: Plant) => (await findings()).find((f) => f.subject === keyOf(plant))!;
    const tokenPlant = mailbox.plants.find((p) => p.kind === 'github_token' && p.encoding === 'base64')!;
    const passwordPlant = mailbox.plants.find((p) => p.kind === 'password' && p.encoding === 'plain')!;

    const mailed = await find(passwordPlant);
    expect(mailed).toMatchObject({
      severity: 'high',
      accountIds: [forum.id],
      evidence: { linkedBy: 'password', stillInUse: true },
    });
    expect((await find(tokenPlant)).accountIds).toEqual([github.id]);

    // A token: "I replaced it" is the evidence; the finding closes and the task is verified.
    const tokenFinding = await find(tokenPlant);
    const tokenTask = (await tasks()).find((t) => t.findingIds.includes(tokenFinding.id))!;
    const done = await call<Task>('tasks:done', { id: tokenTask.id, changedOn: '2026-11-27' });
    expect(done).toMatchObject({ status: 'done', verified: true });
    expect((await find(tokenPlant)).status).toBe('auto_resolved');
    // The account's own password date is not touched by revoking a token.
    expect((await call<Account>('accounts:get', { id: github.id })).passwordChangedAt).toBeNull();

    // A password: recording the account's new password closes it, and verifies the task.
    const passwordTask = (await tasks()).find(
      (t) => t.kind === 'change_password' && t.accountId === forum.id,
    )!;
    expect(passwordTask.findingIds).toContain(mailed.id);
    const changed = await call<Task>('tasks:done', { id: passwordTask.id, changedOn: '2026-11-28' });
    expect(changed).toMatchObject({ status: 'done', verified: true });
    expect((await find(passwordPlant)).status).toBe('auto_resolved');

    // Scanning the same mailbox again counts nothing twice, and what was replaced stays closed.
    platform.answerNextFile(mboxPath);
    await call('mailScan:start', { personId: 1, source: 'file' });
    await core.mailScan.idle();
    expect((await find(tokenPlant)).status).toBe('auto_resolved');
    expect((await find(passwordPlant)).status).toBe('auto_resolved');
    const stillOpen = (await findings()).filter((f) => f.status === 'open');
    expect(stillOpen.every((f) => f.evidence.count === 1)).toBe(true);
    expect(core.read.history.verify().ok).toBe(true);
  });

  it('is cancelled and resumed where it stopped — after a restart too, by picking the same mail again — with the result of an uninterrupted scan', async () => {
    const big = plantedMailbox({ seed: 7, decoys: 1500 });
    const path = join(mailDir, 'big.mbox');
    writeFileSync(path, big.mbox);
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-mailscan-'));
    const first = open(dataDir);
    first.platform.answerNextFile(path);
    await first.call('mailScan:start', { personId: 1, source: 'file' });
    // Wait until it has read something, then cancel.
    for (let i = 0; i < 500 && (first.core.mailScan.status().running?.messages ?? 0) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const cancelled = await first.call<MailScanStatus>('mailScan:cancel', {});
    expect(cancelled.running).toBeNull();
    const paused = cancelled.scans[0]!;
    expect(paused).toMatchObject({ status: 'paused', canResume: true, secretsFound: 0 });
    expect(paused.messages).toBeGreaterThan(0);
    expect(paused.messages).toBeLessThan(big.messages);
    expect(await first.findings()).toEqual([]);
    await first.core.close();
    cores.length = 0;

    // A restart: the path is not kept, so resuming asks for the mail again.
    const second = open(dataDir, first.platform);
    expect((await second.call<MailScanStatus>('mailScan:status', {})).scans[0]!.status).toBe('paused');
    second.platform.answerNextFile(null);
    expect(await second.call('mailScan:resume', { id: paused.id })).toMatchObject({ started: false });
    second.platform.answerNextFile(path);
    expect(await second.call('mailScan:resume', { id: paused.id })).toMatchObject({ started: true });
    await second.core.mailScan.idle();
    const finished = (await second.call<MailScanStatus>('mailScan:status', {})).scans[0]!;
    expect(finished).toMatchObject({ id: paused.id, status: 'finished', messages: big.messages });
    expect(finished.bytes).toBe(statSync(path).size);

    const exact = createFingerprinter(loadFingerprintKey(dataDir, second.platform)).exact;
    const reference = await scanMailbox(path, { fingerprint: exact });
    const subjects = (await second.findings()).map((f) => f.subject).sort();
    expect(subjects).toEqual(reference.findings.map((f) => `mail:${f.kind}:${f.fingerprint}`).sort());
    expect(finished.secretsFound).toBe(reference.findings.length);
  });

  it('refuses a different mailbox on resume, what is not mail, a second scan at once, and any path from the window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-mailscan-'));
    const { core, call, platform } = open(dataDir);
    const rejects = async (promise: Promise<unknown>, code: string, message?: RegExp) => {
      const error = (await promise.then(
        () => null,
        (e: unknown) => e,
      )) as { code: string; message: string } | null;
      expect(error, 'expected a refusal').not.toBeNull();
      expect(error!.code).toBe(code);
      if (message) expect(error!.message).toMatch(message);
    };
    // The window never names a path: main reads only what was picked in its own dialog.
    await rejects(call('mailScan:start', { personId: 1, source: 'file', path: mboxPath }), 'invalid_input');
    await rejects(call('mailScan:start', { personId: 1, source: '/etc' }), 'invalid_input');
    // Cancelling the dialog starts nothing.
    platform.answerNextFile(null);
    expect(await call('mailScan:start', { personId: 1, source: 'file' })).toMatchObject({ started: false });
    // An Outlook file: what to do instead; nothing is recorded.
    const pst = join(mailDir, 'Outlook.pst');
    writeFileSync(pst, Buffer.from('!BDN not really a PST'));
    platform.answerNextFile(pst);
    await rejects(call('mailScan:start', { personId: 1, source: 'file' }), 'invalid_input', /\.eml or mbox/);
    expect((await call<MailScanStatus>('mailScan:status', {})).scans).toEqual([]);

    // Resuming with other mail is refused by the checkpoint, and says to start again.
    const big = plantedMailbox({ seed: 9, decoys: 1500 });
    const path = join(mailDir, 'other.mbox');
    writeFileSync(path, big.mbox);
    platform.answerNextFile(path);
    await call('mailScan:start', { personId: 1, source: 'file' });
    for (let i = 0; i < 500 && (core.mailScan.status().running?.messages ?? 0) === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // One scan at a time.
    platform.answerNextFile(mboxPath);
    await rejects(call('mailScan:start', { personId: 1, source: 'file' }), 'conflict', /already running/);
    const paused = (await call<MailScanStatus>('mailScan:cancel', {})).scans[0]!;
    expect(paused.status).toBe('paused');
    await core.close();
    cores.length = 0;
    writeFileSync(
      path,
      buildMbox([
        buildMessage({
          from: 'a@b.example',
          to: 'c@d.example',
          subject: 'x',
          body: { contentType: 'text/plain', body: 'hello' },
        }),
      ]),
    );
    const again = open(dataDir, platform);
    platform.answerNextFile(path);
    await again.call('mailScan:resume', { id: paused.id });
    await again.core.mailScan.idle();
    const failed = (await again.call<MailScanStatus>('mailScan:status', {})).scans[0]!;
    expect(failed).toMatchObject({ status: 'failed', canResume: false });
    expect(failed.problem).toMatch(/changed since the scan was stopped/);
    // A scan that did not finish can be forgotten; a finished one stays.
    expect((await again.call<MailScanStatus>('mailScan:discard', { id: failed.id })).scans).toEqual([]);
  });
});

describe('the provider-breach guide and the mailbox scan', () => {
  it('its "find what you sent by email" step offers the scan and turns what it found into the step’s follow-up list', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-mailscan-'));
    const { core, call, platform, account } = open(dataDir);
    const outlook = await account('Outlook.com', 'https://outlook.live.com/', {
      username: 'ann@outlook.com',
    });
    platform.answerNextFile(mboxPath);
    await call('mailScan:start', { personId: 1, source: 'file' });
    await core.mailScan.idle();
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'email-provider-breach',
      accountId: outlook.id,
      origin: 'library',
    });
    const step = run.steps.find((s) => s.id === 'list-and-replace-secrets')!;
    expect(step.offersMailScan).toBe(true);
    expect(step.effects).toContain(
      'Adds the secrets a mailbox scan found, each with its task, to this step’s follow-up list.',
    );
    const marked = await call<GuideRun>('guideRuns:mark', {
      id: run.id,
      stepId: step.id,
      status: 'done',
      confirmed: true,
      items: ['Wi-Fi password of the office'],
    });
    const done = marked.steps.find((s) => s.id === step.id)!;
    const openSecrets = (await call<Finding[]>('findings:list', {})).filter(
      (f) => f.kind === 'mail_secret' && f.status === 'open',
    );
    expect(done.applied).toContain(
      `Added the ${openSecrets.length} secrets a mailbox scan found, each with its task, to the follow-up list`,
    );
    const summary = await call<GuideRunSummary>('guideRuns:summary', { id: run.id });
    const titles = summary.followUps.map((t) => t.title);
    expect(titles).toContain(
      "Replace Wi-Fi password of the office: it passed through a breached company's email",
    );
    expect(titles).toContain('Replace the GitHub token found in your mail');
    expect(titles).toContain('Ask your bank for a new card: its number was in your mail');
  });
});
