// The `mail` benchmark: the mailbox scan over a generated mailbox (bench/mailCorpus.ts) against
// secretlint's recommended preset run over the same messages saved as .eml files — what a person
// would try first (`npx secretlint "dir/**/*.eml"`).
//   npm run bench -- mail                 100 MB
//   npm run bench -- mail --sizes 1000    1 GB (secretlint gets the first 100 MB of messages)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  DATA_DIR,
  REPO_ROOT,
  ensureDataDir,
  markdownTable,
  seconds,
  thousands,
  type BenchOptions,
  type BenchResult,
  type Goal,
} from './common';
import {
  ENCODINGS,
  MAIL_CORPUS_VERSION,
  MAIL_SEED,
  PLANTED_KINDS,
  writeMailCorpus,
  type MailCorpusStats,
  type Plant,
} from './mailCorpus';
import type { MailProbeResult } from './mailProbe';

/** Mailbox sizes in MB. */
export const DEFAULT_MAIL_SIZES = [100];

const GOALS = { recall: 0.95, precision: 0.95, rssMb: 300 };
const PROBE_SOURCE = join(REPO_ROOT, 'bench', 'mailProbe.ts');
const PROBE_BUNDLE = join(DATA_DIR, 'mailProbe.mjs');
const SECRETLINT_BIN = join(REPO_ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const SECRETLINT_RC = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });

/** The kinds secretlint's recommended preset has a rule for (of those the corpus plants). */
const SECRETLINT_KINDS = new Set([
  'github_token',
  'gitlab_token',
  'aws_access_key',
  'aws_secret_key',
  'slack_token',
  'openai_key',
  'npm_token',
  'private_key',
  'url_credentials',
]);

let probeCommand: string[] | undefined;
async function probe(path: string): Promise<MailProbeResult> {
  if (!probeCommand) {
    try {
      const esbuild = await import('esbuild');
      await esbuild.build({
        entryPoints: [PROBE_SOURCE],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: PROBE_BUNDLE,
        // mailsplit and libmime are CommonJS and require Node's built-ins.
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
        logLevel: 'silent',
      });
      probeCommand = [PROBE_BUNDLE];
    } catch {
      probeCommand = ['--import', 'tsx', PROBE_SOURCE];
    }
  }
  const result = spawnSync(process.execPath, [...probeCommand, path], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  if (result.status !== 0) throw new Error(`mail probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as MailProbeResult;
}

interface SecretlintRun {
  wallMs: number;
  /** User + system CPU time (from GNU time), or null without it. */
  cpuMs: number | null;
  maxRssMb: number | null;
  hits: { file: string; ruleId: string; text: string }[];
}

function runSecretlint(emlDir: string): SecretlintRun {
  const output = join(DATA_DIR, 'mail-secretlint.json');
  rmSync(output, { force: true });
  const args = [
    SECRETLINT_BIN,
    '--no-gitignore',
    '--no-color',
    '--secretlintrcJSON',
    SECRETLINT_RC,
    '--format',
    'json',
    '--output',
    output,
    `${emlDir}/*.eml`,
  ];
  const hasTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      })
    : spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wallMs = performance.now() - started;
  // secretlint exits 1 when it finds something; anything else is a failure to run.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`secretlint failed: ${result.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr)?.[1];
  const cpuMs = user && system ? (Number(user) + Number(system)) * 1000 : null;
  const files = JSON.parse(readFileSync(output, 'utf8')) as {
    filePath: string;
    messages: { ruleId: string; range: [number, number] }[];
  }[];
  const hits: SecretlintRun['hits'] = [];
  for (const file of files) {
    if (file.messages.length === 0) continue;
    const content = readFileSync(file.filePath, 'utf8');
    for (const message of file.messages) {
      hits.push({
        file: file.filePath,
        ruleId: message.ruleId,
        text: content.slice(message.range[0], message.range[1]),
      });
    }
  }
  rmSync(output, { force: true });
  return { wallMs, cpuMs, maxRssMb: rss ? Number(rss) / 1024 : null, hits };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const verdict = (isMet: boolean) => (isMet ? 'met' : '**missed**');
const mbps = (bytes: number, ms: number) => bytes / 2 ** 20 / (ms / 1000);

interface Tally {
  found: number;
  planted: number;
}

function tallyBy<K extends string>(
  plants: readonly Plant[],
  keyOf: (p: Plant) => K,
  isFound: (p: Plant) => boolean,
) {
  const tallies = new Map<K, Tally>();
  for (const plant of plants) {
    const tally = tallies.get(keyOf(plant)) ?? { found: 0, planted: 0 };
    tally.planted++;
    if (isFound(plant)) tally.found++;
    tallies.set(keyOf(plant), tally);
  }
  return tallies;
}

function loadOrWriteCorpus(sizeMb: number): {
  path: string;
  stats: MailCorpusStats;
  generatedMs: number | null;
} {
  ensureDataDir();
  const path = join(DATA_DIR, `mail-${sizeMb}MB.mbox`);
  const truth = `${path}.truth.json`;
  if (existsSync(path) && existsSync(truth)) {
    const stats = JSON.parse(readFileSync(truth, 'utf8')) as MailCorpusStats;
    if (
      stats.version === MAIL_CORPUS_VERSION &&
      stats.seed === MAIL_SEED &&
      statSync(path).size === stats.bytes
    ) {
      return { path, stats, generatedMs: null };
    }
  }
  const started = performance.now();
  const stats = writeMailCorpus(sizeMb, path);
  return { path, stats, generatedMs: performance.now() - started };
}

/** Runs the benchmark for each size; the figures as Markdown. */
export async function runMailBench(options: BenchOptions): Promise<BenchResult> {
  const sections: string[] = [];
  const goals: Goal[] = [];
  for (const sizeMb of options.sizes ?? DEFAULT_MAIL_SIZES) {
    const { path, stats, generatedMs } = loadOrWriteCorpus(sizeMb);
    const emlDir = `${path}.eml`;
    console.log(
      `\n## mail: ${sizeMb} MB — ${thousands(stats.messages)} messages, ${thousands(stats.plants.length)} planted secrets${generatedMs === null ? ' (corpus reused)' : ` (generated in ${seconds(generatedMs)})`}`,
    );

    const runs: MailProbeResult[] = [];
    for (let run = 0; run < options.runs; run++) {
      const elapsed = (performance.now() - options.startedAt) / 1000;
      const last = runs.at(-1);
      if (run > 0 && last && elapsed + (last.wallMs / 1000) * 3 > options.budgetSeconds) break;
      runs.push(await probe(path));
      console.log(`  scan of the mbox, run ${run + 1}: ${seconds(runs.at(-1)!.wallMs)}`);
    }
    const scan = runs.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
    // The two tools on the same .eml files, alternately, so a change in the machine's load hits both.
    const emlRuns: MailProbeResult[] = [];
    const secretlintRuns: SecretlintRun[] = [];
    for (let run = 0; run < Math.max(1, runs.length); run++) {
      emlRuns.push(await probe(emlDir));
      secretlintRuns.push(runSecretlint(emlDir));
      console.log(
        `  .eml folder, run ${run + 1}: scan ${seconds(emlRuns.at(-1)!.wallMs)}, secretlint ${seconds(secretlintRuns.at(-1)!.wallMs)}`,
      );
    }
    const scanEml = emlRuns.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(emlRuns.length / 2)]!;
    const secretlint = secretlintRuns.sort((a, b) => a.wallMs - b.wallMs)[
      Math.floor(secretlintRuns.length / 2)
    ]!;

    // --- Ours: a plant is found when a finding of its kind has its fingerprint.
    const findingKeys = new Set(scan.findings.map((f) => `${f.kind}\0${f.fingerprint}`));
    const plantKeys = new Set(stats.plants.map((p) => `${p.kind}\0${sha256(p.value)}`));
    const isFound = (p: Plant) => findingKeys.has(`${p.kind}\0${sha256(p.value)}`);
    const byKind = tallyBy(stats.plants, (p) => p.kind, isFound);
    const byEncoding = tallyBy(stats.plants, (p) => p.encoding, isFound);
    const foundAll = stats.plants.filter(isFound).length;
    const falsePositives = scan.findings.filter((f) => !plantKeys.has(`${f.kind}\0${f.fingerprint}`));
    const fpByKind = new Map<string, number>();
    for (const finding of falsePositives) fpByKind.set(finding.kind, (fpByKind.get(finding.kind) ?? 0) + 1);
    const truePositives = scan.findings.length - falsePositives.length;

    // --- secretlint over the .eml copies of the first messages.
    const emlPlants = stats.plants.filter((p) => p.message < stats.emlMessages);
    const hitsByFile = new Map<number, SecretlintRun['hits']>();
    for (const hit of secretlint.hits) {
      const index = Number(/(\d+)\.eml$/.exec(hit.file)?.[1]);
      hitsByFile.set(index, [...(hitsByFile.get(index) ?? []), hit]);
    }
    const squash = (text: string) => text.replace(/\s+/g, '');
    const hitMatches = (hit: SecretlintRun['hits'][number], plant: Plant) => {
      const text = squash(hit.text);
      const probeText = squash(plant.probe);
      return (
        probeText.length >= 8 && text.length >= 8 && (text.includes(probeText) || probeText.includes(text))
      );
    };
    const isFoundBySecretlint = (p: Plant) =>
      (hitsByFile.get(p.message) ?? []).some((hit) => hitMatches(hit, p));
    const slByKind = tallyBy(emlPlants, (p) => p.kind, isFoundBySecretlint);
    const slByEncoding = tallyBy(
      emlPlants.filter((p) => SECRETLINT_KINDS.has(p.kind)),
      (p) => p.encoding,
      isFoundBySecretlint,
    );
    const slFoundAll = emlPlants.filter(isFoundBySecretlint).length;
    const slCovered = emlPlants.filter((p) => SECRETLINT_KINDS.has(p.kind));
    const slFoundCovered = slCovered.filter(isFoundBySecretlint).length;
    const slFalse = secretlint.hits.filter((hit) => {
      const index = Number(/(\d+)\.eml$/.exec(hit.file)?.[1]);
      return !stats.plants.some((p) => p.message === index && hitMatches(hit, p));
    }).length;
    const oursOnEmlPlants = emlPlants.filter(isFound).length;

    // --- Goals.
    const recallAll = ratio(foundAll, stats.plants.length);
    const worstEncoding = Math.min(...[...byEncoding.values()].map((t) => ratio(t.found, t.planted)));
    const precision = ratio(truePositives, scan.findings.length);
    const oursMbps = mbps(scan.bytes, scan.wallMs);
    const oursEmlMbps = mbps(stats.emlBytes, scanEml.wallMs);
    const secretlintMbps = mbps(stats.emlBytes, secretlint.wallMs);
    const peakRss = Math.max(scan.maxRssMb, scanEml.maxRssMb);

    const summaryRows: string[][] = [
      [
        'Recall, all planted secrets',
        percent(foundAll, stats.plants.length),
        '≥ 95 %',
        verdict(recallAll >= GOALS.recall),
      ],
      [
        'Recall, worst encoding',
        `${(100 * worstEncoding).toFixed(1)} %`,
        '≥ 95 % in every encoding',
        verdict(worstEncoding >= GOALS.recall),
      ],
      [
        'Precision (findings that are planted secrets)',
        `${percent(truePositives, scan.findings.length)} (${falsePositives.length} false of ${scan.findings.length})`,
        '≥ 95 %',
        verdict(precision >= GOALS.precision),
      ],
      [
        'Speed, mbox',
        `${oursMbps.toFixed(1)} MB/s, ${thousands(Math.round(scan.messages / (scan.wallMs / 1000)))} messages/s (${seconds(scan.wallMs)}; CPU ${seconds(scan.cpuMs)}; median of ${runs.length})`,
        '–',
        '',
      ],
      [
        'Speed, same .eml files as secretlint',
        `${oursEmlMbps.toFixed(1)} MB/s vs secretlint ${secretlintMbps.toFixed(1)} MB/s (${(oursEmlMbps / secretlintMbps).toFixed(1)}×); CPU ${seconds(scanEml.cpuMs)} vs ${secretlint.cpuMs === null ? '?' : seconds(secretlint.cpuMs)}; median of ${emlRuns.length}`,
        '≥ secretlint',
        verdict(oursEmlMbps >= secretlintMbps),
      ],
      [
        'Peak RSS',
        `${peakRss.toFixed(0)} MB (sampled ${scan.sampledPeakRssMb.toFixed(0)} MB, ${scan.rssBeforeMb.toFixed(0)} MB before the scan)`,
        `≤ ${GOALS.rssMb} MB`,
        verdict(peakRss <= GOALS.rssMb),
      ],
    ];
    // A figure without a goal (the mbox speed) is reported in the table, not counted as missed.
    goals.push(
      ...summaryRows
        .filter(([, , , result]) => result !== '')
        .map(([figure, measured, goal, result]) => ({
          figure: `${figure!} (${sizeMb} MB mailbox)`,
          measured: measured!,
          goal: goal!,
          met: result === 'met',
        })),
    );
    const summary = markdownTable(['figure', 'value', 'goal', ''], summaryRows);
    const kindRows = PLANTED_KINDS.map((kind) => {
      const tally = byKind.get(kind) ?? { found: 0, planted: 0 };
      const fp = fpByKind.get(kind) ?? 0;
      const sl = slByKind.get(kind) ?? { found: 0, planted: 0 };
      return [
        kind,
        String(tally.planted),
        percent(tally.found, tally.planted),
        percent(tally.found, tally.found + fp),
        SECRETLINT_KINDS.has(kind) ? percent(sl.found, sl.planted) : 'no rule',
      ];
    });
    for (const [kind, count] of fpByKind) {
      if (!PLANTED_KINDS.includes(kind as never))
        kindRows.push([kind, '0', '–', `0 % (${count} false)`, '–']);
    }
    const encodingRows = ENCODINGS.map((encoding) => {
      const tally = byEncoding.get(encoding) ?? { found: 0, planted: 0 };
      const sl = slByEncoding.get(encoding) ?? { found: 0, planted: 0 };
      return [
        encoding,
        String(tally.planted),
        percent(tally.found, tally.planted),
        percent(sl.found, sl.planted),
      ];
    });
    const sameMessages =
      stats.emlMessages === stats.messages
        ? 'the same messages'
        : `the first ${thousands(stats.emlMessages)} messages (${(stats.emlBytes / 2 ** 20).toFixed(0)} MB)`;

    sections.push(
      [
        `### ${sizeMb} MB mailbox`,
        '',
        `${thousands(stats.messages)} messages, ${(stats.bytes / 2 ** 20).toFixed(0)} MB (${thousands(stats.decoyMessages)} with decoys: git SHAs, UUIDs, hashes, tracking links, inline base64 images, PGP signatures, masked passwords; every message has a DKIM signature), ${thousands(stats.plants.length)} planted secrets. Scanned ${thousands(scan.messages)} messages, ${(scan.bytes / 2 ** 20).toFixed(0)} MB; ${scan.undecodable} undecodable, ${thousands(scan.attachmentsNotRead)} binary attachments not read for text.`,
        '',
        summary,
        '',
        `secretlint ${secretlintVersion()} with \`@secretlint/secretlint-rule-preset-recommend\` over ${sameMessages} as .eml files (\`secretlint --no-gitignore "DIR/*.eml"\`): ${seconds(secretlint.wallMs)}, peak RSS ${secretlint.maxRssMb?.toFixed(0) ?? '?'} MB; ${thousands(secretlint.hits.length)} hits, ${thousands(slFalse)} not a planted secret. Recall ${percent(slFoundAll, emlPlants.length)} of all planted secrets, ${percent(slFoundCovered, slCovered.length)} of the kinds it has rules for. The scan found ${percent(oursOnEmlPlants, emlPlants.length)} of the same ones.`,
        '',
        'Per kind (recall; precision = planted among findings of the kind; secretlint recall where it has a rule):',
        '',
        markdownTable(['kind', 'planted', 'recall', 'precision', 'secretlint recall'], kindRows),
        '',
        'Per encoding (secretlint: kinds it has rules for):',
        '',
        markdownTable(['encoding', 'planted', 'recall', 'secretlint recall'], encodingRows),
      ].join('\n'),
    );
    console.log(sections.at(-1));
  }
  return { markdown: `## mail — mailbox scan vs secretlint\n\n${sections.join('\n\n')}`, goals };
}

function secretlintVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'secretlint', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '?';
  }
}
