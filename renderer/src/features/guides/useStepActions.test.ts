import { afterEach, describe, expect, it } from 'vitest';
import { format, setMessageLocale } from '../../../../common/messages/format';
import { runState } from './ChecklistBoard';
import { progressWords, STATUS_WORDS, whoseRun } from './useStepActions';

afterEach(() => setMessageLocale('en'));

const progress = (done: number, skipped: number, blocked: number, total: number) => ({
  done,
  skipped,
  blocked,
  pending: total - done - skipped - blocked,
  total,
});

describe('the words of a run', () => {
  it('counts steps with the right plural, leaving out what is zero', () => {
    expect(progressWords(progress(0, 0, 0, 1))).toBe('0 of 1 step done');
    expect(progressWords(progress(1, 0, 0, 5))).toBe('1 of 5 steps done');
    expect(progressWords(progress(4, 1, 1, 9))).toBe('4 of 9 steps done · 1 skipped · 1 blocked');
    // Steps not marked yet are not listed: the total says it.
    expect(progressWords(progress(2, 0, 3, 7))).toBe('2 of 7 steps done · 3 blocked');
  });

  it('says whose run it is, naming the person only in a file with several people', () => {
    const both = { personName: 'Priya', accountLabel: 'Tea mail (priya@tea.example)' };
    expect(whoseRun(both, true)).toBe(
      format('guideRun.for.personAndAccount', { person: 'Priya', account: 'Tea mail (priya@tea.example)' }),
    );
    expect(whoseRun(both, true)).toBe('For Priya — Tea mail (priya@tea.example)');
    expect(whoseRun(both, false)).toBe('For Tea mail (priya@tea.example)');
    expect(whoseRun({ personName: 'Priya', accountLabel: null }, true)).toBe('For Priya');
    expect(whoseRun({ personName: null, accountLabel: null }, false)).toBe(format('guideRun.for.none'));
  });

  it('follows the catalogue in use: in the pseudo-locale, only names stay as given', () => {
    setMessageLocale('pseudo');
    expect(progressWords(progress(1, 1, 0, 2))).toMatch(/^\[1 öƒ 2 šţéþš ðöñé · 1 šķîþþéð~+\]$/);
    expect(whoseRun({ personName: 'Priya', accountLabel: null }, true)).toMatch(/^\[Ƒöŕ Priya~+\]$/);
    expect(STATUS_WORDS.skipped).toBe(format('summary.status.skipped'));
    expect(STATUS_WORDS.skipped).toMatch(/^\[Šķîþþéð ƒöŕ ñöŵ~+\]$/);
  });

  it('names where each person of a checklist stands, by state rather than by its word', () => {
    const run = (status: 'active' | 'finished' | 'abandoned', isStuck: boolean, pending: number) =>
      ({ status, isStuck, progress: { ...progress(3 - pending, 0, 0, 3) } }) as Parameters<
        typeof runState
      >[0];
    expect(runState(run('finished', false, 0))).toMatchObject({ state: 'finished', label: 'Finished' });
    expect(runState(run('abandoned', false, 1)).state).toBe('stopped');
    expect(runState(run('active', true, 2)).state).toBe('stuck');
    expect(runState(run('active', false, 3)).state).toBe('notStarted');
    expect(runState(run('active', false, 1))).toMatchObject({ state: 'inProgress', label: 'In progress' });
    setMessageLocale('pseudo');
    expect(runState(run('active', true, 2))).toMatchObject({
      state: 'stuck',
      label: format('checklist.state.stuck'),
    });
  });
});
