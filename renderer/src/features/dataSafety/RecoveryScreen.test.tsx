import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AppState, BackupDetails, LockstepApi } from '../../../../common/ipc/contract';
import { format } from '../../../../common/messages/format';
import { Providers } from '../../app/Providers';
import { RecoveryScreen } from './RecoveryScreen';

const backup: BackupDetails = {
  id: 'lockstep-2026-05-03T10-15-30-123Z-daily.sqlite',
  fileName: 'lockstep-2026-05-03T10-15-30-123Z-daily.sqlite',
  path: '/data/backups/lockstep-2026-05-03T10-15-30-123Z-daily.sqlite',
  createdAt: '2026-05-03T10:15:30.123Z',
  kind: 'daily',
  bytes: 300_000,
  ok: true,
  problem: null,
  accounts: 39,
  hasKey: true,
  contents: {
    schemaVersion: 90,
    people: 2,
    accounts: 39,
    openTasks: 12,
    historyEntries: 130,
    historyVerifies: true,
    lastChangeAt: '2026-05-03T10:00:00.000Z',
  },
};

const damaged = (newestGoodBackup: BackupDetails | null): Extract<AppState, { mode: 'recovery' }> => ({
  mode: 'recovery',
  problem: {
    kind: 'damaged',
    title: 'Lockstep’s data file is damaged',
    message: 'SQLite’s own check found garbled pages in /data/lockstep.sqlite.',
    advice: 'Restore from the backup of 3 May 2026, 10:15.',
    detail: 'Tree 2 page 51 cell 106: Offset 23130 out of range 236..4092',
    file: '/data/lockstep.sqlite',
  },
  newestGoodBackup,
});

function renderScreen(state: Extract<AppState, { mode: 'recovery' }>, api: Partial<LockstepApi> = {}) {
  Object.defineProperty(window, 'lockstep', {
    value: { onDidChange: () => () => {}, ...api },
    configurable: true,
  });
  render(
    <Providers>
      <RecoveryScreen state={state} />
    </Providers>,
  );
}

describe('the recovery screen', () => {
  it('says what is wrong, shows what the newest good backup holds, and restores it after a confirmation', async () => {
    const restore = vi.fn().mockResolvedValue({
      ok: true,
      value: { restoredFrom: backup.path, savedCurrentAs: '/data/lockstep.sqlite.damaged-x', warnings: [] },
    });
    const appState = vi.fn().mockResolvedValue({ ok: true, value: { mode: 'ready' } });
    renderScreen(damaged(backup), { 'backups:restore': restore, 'app:state': appState });
    expect(
      screen.getByRole('heading', { name: 'Lockstep’s data file is damaged', level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('garbled pages');
    const holds = screen.getByRole('list', { name: format('dataSafety.summary.label') });
    expect(holds).toHaveTextContent('2 people, 39 accounts, 12 open tasks');
    expect(holds).toHaveTextContent('History: 130 entries, its chain verifies');
    expect(document.documentElement.dataset.ready).toBe('true');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: format('restore.restoreIt') }));
    const dialog = await screen.findByRole('dialog', { name: format('restore.title') });
    expect(within(dialog).getByText(format('restore.damagedAside'))).toBeInTheDocument();
    expect(restore).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: format('restore.confirm') }));
    expect(restore).toHaveBeenCalledWith({ id: backup.id });
  });

  it('without a good backup, offers to start empty and keep the damaged file aside', async () => {
    const startEmpty = vi.fn().mockResolvedValue({ ok: true, value: { damagedKeptAs: '/data/x' } });
    renderScreen(damaged(null), { 'recovery:startEmpty': startEmpty, 'app:state': vi.fn() });
    expect(screen.getByRole('heading', { name: format('restore.noneFound') })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: format('restore.restoreIt') })).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: format('restore.startEmpty') }));
    expect(startEmpty).toHaveBeenCalledTimes(1);
  });

  it('for a file another program holds, offers only to try again', () => {
    renderScreen({
      mode: 'recovery',
      problem: {
        kind: 'locked',
        title: 'Another program is using Lockstep’s data',
        message: 'Another program holds /data/lockstep.sqlite locked.',
        advice: 'Close the other program, then try again. Nothing was changed.',
        detail: null,
        file: '/data/lockstep.sqlite',
      },
      newestGoodBackup: null,
    });
    expect(screen.getByRole('button', { name: format('app.tryAgain') })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: format('restore.startEmpty') })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /backup/ })).not.toBeInTheDocument();
  });
});
