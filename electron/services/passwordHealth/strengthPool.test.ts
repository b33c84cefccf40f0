import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary, translations } from '@zxcvbn-ts/language-en';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createStrengthScorer,
  defaultWorkerCount,
  resolveZxcvbnModules,
  scoreSync,
  type StrengthItem,
  type StrengthScorer,
} from './strengthPool';
import { setMessageLocale, type MessageLocale } from '../../../common/messages/format';

const STRONG = 'dJt~Gu4DPH%=BLapwnQK=S$7';
const STRONG_TOO = 'roH=Yf5+wB*FkFX8E9TL';
const item = (password: string, userInputs: string[] = []): StrengthItem => ({ password, userInputs });
/** Distinct, realistic passwords (word + number + symbol), enough to keep workers busy for a while. */
const manyPasswords = (count: number, salt: string): StrengthItem[] =>
  Array.from({ length: count }, (_, index) =>
    item(`${['Summer', 'dragon', 'Monkey', 'letmein', 'qwerty'][index % 5]}${salt}${index}!`),
  );

let scorer: StrengthScorer;
beforeAll(() => {
  // No idle stop during the file: a test below counts the workers started.
  scorer = createStrengthScorer({ workers: 2, idleMs: 10 * 60_000 });
});
afterAll(async () => {
  await scorer.close();
});

describe('createStrengthScorer', () => {
  it('scores common passwords 0 and a long random one 4, in input order', async () => {
    const results = await scorer.score([item('password'), item(STRONG), item('123456'), item(STRONG_TOO)]);
    expect(results.map((result) => result.score)).toEqual([0, 4, 0, 4]);
    // Feedback comes as zxcvbn's keys, which the catalogue words (never its English).
    expect(results[0]!.warning).toBe('topTen');
    expect(results[0]!.suggestions.every((key) => /^[a-zA-Z0-9]+$/.test(key))).toBe(true);
    expect(results[1]!.warning).toBe('');
    expect(results[0]!.suggestions.length).toBeGreaterThan(0);
    expect(results[0]!.guessesLog10).toBeLessThan(results[1]!.guessesLog10);
  });

  it('gives the same estimates as scoreSync (same options in the workers)', async () => {
    const passwords = [
      'P@ssw0rd',
      'Summer2023!',
      'Kestrel88#tw',
      'correct horse battery staple',
      STRONG,
      'alice1990',
    ];
    const results = await scorer.score(passwords.map((password) => item(password, ['alice'])));
    expect(results).toEqual(passwords.map((password) => scoreSync(password, ['alice'])));
  });

  it('says whether user inputs can change an estimate with zxcvbn’s own l33t table', () => {
    expect(scorer.userInputsCanMatch('z0rbl4x2020', ['Zorblax'])).toBe(true);
    expect(scorer.userInputsCanMatch('|_|berzorb', ['uberzorb'])).toBe(true);
    expect(scorer.userInputsCanMatch('Summer2023!', ['Zorblax'])).toBe(false);
  });

  it("uses the user's own words against them", async () => {
    const [without, withInputs] = await scorer.score([
      item('ferdinand2', []),
      item('ferdinand2', ['Ferdinand']),
    ]);
    expect(withInputs!.guessesLog10).toBeLessThan(without!.guessesLog10);
  });

  it('scores each distinct (password, user inputs) pair once', async () => {
    const before = scorer.stats().passwordsScored;
    const totals: number[] = [];
    const results = await scorer.score(
      [item('Tr0ub4dor&3'), item('Tr0ub4dor&3'), item('Tr0ub4dor&3', ['bob']), item('Tr0ub4dor&3')],
      (_done, total) => totals.push(total),
    );
    expect(scorer.stats().passwordsScored - before).toBe(2);
    expect(new Set(totals)).toEqual(new Set([2]));
    expect(results).toHaveLength(4);
    expect(results[1]).toEqual(results[0]);
    expect(results[3]).toEqual(results[0]);
    // Copies, so a caller editing one result does not change another.
    expect(results[1]).not.toBe(results[0]);
  });

  it('reports progress from 0 up to the total', async () => {
    const calls: [number, number][] = [];
    await scorer.score(manyPasswords(60, 'p'), (done, total) => calls.push([done, total]));
    expect(calls[0]).toEqual([0, 60]);
    expect(calls.at(-1)).toEqual([60, 60]);
    expect(calls.length).toBeGreaterThan(2);
    for (let i = 1; i < calls.length; i += 1) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
  });

  it('feeds the workers in batches, not one message per password', async () => {
    const before = scorer.stats().chunksSent;
    await scorer.score(manyPasswords(250, 'b'));
    const sent = scorer.stats().chunksSent - before;
    // 250 passwords over 2 workers: chunks of 32, so that both share the work.
    expect(sent).toBe(8);
  });

  it('runs the fast dictionary search for large jobs, with the same estimates as zxcvbn as published', async () => {
    const fast = createStrengthScorer({ workers: 2 });
    const published = createStrengthScorer({ workers: 1, fastMatching: false, fastScoring: false });
    try {
      // Non-ASCII passwords go to zxcvbn's own search, whose word lists the workers load again.
      const sample = [
        ...manyPasswords(120, 'f'),
        item('l1nk3d1n!', ['LinkedIn']),
        item(STRONG, ['x']),
        item('Pässwörd1', ['Pässwörd']),
        item('ΣΊΣΥΦΟΣ2020'),
        item('mönkey123'),
      ];
      expect(await fast.score(sample)).toEqual(await published.score(sample));
      expect(fast.stats().fastMatching).toBe(true);
      expect(fast.stats().fastScoring).toBe(true);
      // Built by one worker, given to the other.
      expect(fast.stats().indexMs).toHaveLength(1);
      expect(fast.stats().indexesShared).toBe(1);
      expect(published.stats().fastMatching).toBeNull();
      expect(published.stats().fastScoring).toBe(false);
    } finally {
      await Promise.all([fast.close(), published.close()]);
    }
  });

  it('does not build the fast search’s index for a small job', async () => {
    const small = createStrengthScorer({ workers: 2 });
    try {
      await small.score(manyPasswords(40, 's'));
      expect(small.stats().fastMatching).toBeNull();
      expect(small.stats().indexMs).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('handles an empty list without waking the workers', async () => {
    const onProgress = vi.fn();
    await expect(scorer.score([], onProgress)).resolves.toEqual([]);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('rejects with an AbortError when cancelled, drops the queued work and keeps working', async () => {
    const controller = new AbortController();
    const before = scorer.stats().passwordsScored;
    const job = scorer.score(
      manyPasswords(3000, 'a'),
      (done) => {
        if (done > 0) controller.abort();
      },
      controller.signal,
    );
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    // The next job runs after at most the chunks that were in flight, not the 3,000.
    const [next] = await scorer.score([item('password')]);
    expect(next!.score).toBe(0);
    expect(scorer.stats().passwordsScored - before).toBeLessThan(1000);
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(scorer.score([item('password')], undefined, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('runs several calls at once', async () => {
    const [first, second] = await Promise.all([
      scorer.score([item('password'), item(STRONG)]),
      scorer.score([item(STRONG_TOO), item('123456')]),
    ]);
    expect(first!.map((result) => result.score)).toEqual([0, 4]);
    expect(second!.map((result) => result.score)).toEqual([4, 0]);
  });

  it('starts at most the requested number of workers, each loading zxcvbn once', () => {
    const stats = scorer.stats();
    expect(stats.workersStarted).toBe(2);
    expect(stats.loadMs).toHaveLength(2);
    for (const ms of stats.loadMs) expect(ms).toBeGreaterThan(0);
  });

  it('close() terminates the workers and fails pending and later calls', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      const own = createStrengthScorer({ workers: 1 });
      const pending = own.score(manyPasswords(2000, 'c')).then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      await own.close();
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await pending).toMatch(/closed/);
      expect(terminate).toHaveBeenCalledTimes(1);
      await expect(own.score([item('password')])).rejects.toThrow(/closed/);
      await own.close();
    } finally {
      terminate.mockRestore();
    }
  });

  it('says in the catalogue’s words why a job failed: a worker that ended, a scorer closed', async () => {
    /** The messages of a job whose worker ends as it is handed its chunk, and of a job after close(). */
    const failures = async (locale: MessageLocale): Promise<string[]> => {
      setMessageLocale(locale);
      const post = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (
        this: Worker,
        message,
      ) {
        // The worker ends as if it had crashed (the operating system ran out of memory, say).
        if ((message as { chunkId?: number }).chunkId !== undefined) void this.terminate();
      });
      const own = createStrengthScorer({ workers: 1 });
      try {
        const crashed = await own.score([item('password')]).then(
          () => 'resolved',
          (error: Error) => error.message,
        );
        post.mockRestore();
        await own.close();
        const closed = await own.score([item('password')]).then(
          () => 'resolved',
          (error: Error) => error.message,
        );
        return [crashed, closed];
      } finally {
        post.mockRestore();
        setMessageLocale('en');
        await own.close();
      }
    };
    const [crashed, closed] = await failures('en');
    expect(crashed).toMatch(
      /^Password strength scoring stopped: a worker ended unexpectedly \(exit code \d+\)\. Try again\.$/,
    );
    expect(closed).toBe(
      'The password strength scorer was closed because Lockstep is closing, so the passwords were not scored.',
    );
    for (const message of await failures('pseudo')) {
      expect(message).toMatch(/^\[.+~\]$/);
      expect(message.match(/[A-Za-z]{2,}/g) ?? [], message).toEqual([]);
    }
  });

  it('prepare() starts the workers and builds the index once, for both, before the job arrives', async () => {
    const own = createStrengthScorer({ workers: 2 });
    try {
      own.prepare(500);
      expect(own.stats().workersStarted).toBe(2);
      // One worker builds the index; the other gets it from the pool (shared memory).
      await vi.waitFor(() => expect(own.stats().indexesShared).toBe(1), { timeout: 30_000 });
      expect(own.stats().indexMs).toHaveLength(1);
      const sample = [...manyPasswords(120, 'p'), item('l1nk3d1n!', ['LinkedIn'])];
      const reference = createStrengthScorer({ workers: 1, fastMatching: false, fastScoring: false });
      try {
        expect(await own.score(sample)).toEqual(await reference.score(sample));
      } finally {
        await reference.close();
      }
      // The job found them ready: no worker started or index built again.
      expect(own.stats().workersStarted).toBe(2);
      expect(own.stats().indexMs).toHaveLength(1);
      expect(own.stats().indexesShared).toBe(1);
      expect(own.stats().fastMatching).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('prepare() for a small job starts no more workers than passwords, and no index', async () => {
    const own = createStrengthScorer({ workers: 2 });
    try {
      own.prepare(1);
      await vi.waitFor(() => expect(own.stats().loadMs).toHaveLength(1), { timeout: 30_000 });
      expect((await own.score([item('password')]))[0]!.score).toBe(0);
      expect(own.stats().workersStarted).toBe(1);
      expect(own.stats().indexMs).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('release() stops the idle workers, and the next job starts them again', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const own = createStrengthScorer({ workers: 2 });
    try {
      await own.score([item('password'), item(STRONG)]);
      expect(own.stats().workersStarted).toBe(2);
      await own.release();
      expect(terminate).toHaveBeenCalledTimes(2);
      const results = await own.score([item('123456'), item(STRONG_TOO)]);
      expect(results.map((result) => result.score)).toEqual([0, 4]);
      expect(own.stats().workersStarted).toBe(4);
    } finally {
      terminate.mockRestore();
      await own.close();
    }
  });

  it('stops workers left idle for idleMs', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const own = createStrengthScorer({ workers: 1, idleMs: 50 });
    try {
      await own.score([item('password')]);
      await vi.waitFor(() => expect(terminate).toHaveBeenCalledTimes(1), { timeout: 5_000 });
      expect((await own.score([item(STRONG)]))[0]!.score).toBe(4);
      expect(own.stats().workersStarted).toBe(2);
    } finally {
      terminate.mockRestore();
      await own.close();
    }
  });

  it('fails fast with a clear error when zxcvbn cannot be found', () => {
    expect(() => createStrengthScorer({ requireFrom: '/nonexistent/lockstep/main.js' })).toThrow(
      /@zxcvbn-ts\/core/,
    );
  });
});

describe('tuning', () => {
  it('defaults to one worker per available core, at most 4', () => {
    expect(defaultWorkerCount()).toBe(Math.min(4, Math.max(1, availableParallelism())));
  });

  it('resolves the CommonJS builds of zxcvbn-ts', () => {
    const modules = resolveZxcvbnModules();
    expect(modules.core).toMatch(/@zxcvbn-ts[\\/]core[\\/].*\.cjs$/);
    expect(modules.common).toMatch(/language-common/);
    expect(modules.en).toMatch(/language-en/);
  });

  it('l33tMaxSubstitutions: 10 gives the same scores as zxcvbn-ts defaults', () => {
    const defaults = new ZxcvbnFactory({
      dictionary: { ...commonDictionary, ...enDictionary },
      graphs: adjacencyGraphs,
      translations,
    });
    const sample = [
      'password',
      'P@ssw0rd',
      'p@$$w0rd!',
      'Summer2023!',
      'l3tm31n',
      'dr@g0n12',
      'M0nk3y!!',
      'Tr0ub4dor&3',
      'tr0ub4d0r&3',
      'S3cur1ty!',
      'qwerty123',
      '1q2w3e4r',
      'iloveyou2',
      'f00tb@ll',
      'Kestrel88#tw',
      'correcthorse',
      'a1b2c3d4',
      '$uper$ecret',
      '!QAZ2wsx',
      'h3ll0w0rld',
    ];
    for (const password of sample) {
      expect(scoreSync(password).score, password).toBe(defaults.check(password).score);
    }
  });
});
