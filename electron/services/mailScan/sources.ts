import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { looksLikeMbox } from './mboxReader';
import { format } from '../../../common/messages/format';

/** Why a mailbox could not be scanned at all (a message for the person, without any mail content). */
export type MailScanErrorCode = 'not_found' | 'outlook_file' | 'not_mail' | 'empty' | 'checkpoint_mismatch';

/** A mailbox that cannot be scanned, with what to do instead. */
export class MailScanError extends Error {
  constructor(
    readonly code: MailScanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MailScanError';
  }
}

/** How to get mail out of Outlook in a form the scan reads. */
export function outlookExportHelp(): string {
  return format('mailScan.outlookHelp');
}

/** One file the scan reads. */
export interface MailSource {
  /** `emlx`: Apple Mail's own message files (a byte count, the message, a property list). */
  format: 'mbox' | 'eml' | 'emlx' | 'unsupported';
  path: string;
  /** The file's path relative to what was chosen (for messages: "Inbox.mbox", "Work/2024/a.eml"). */
  name: string;
  /** The mail folder it stands for, as a person knows it ("Inbox", "Work/2024"). */
  folder: string;
  size: number;
  mtimeMs: number;
  /** For `unsupported`: why, and what to do. */
  why?: string;
}

const OUTLOOK_EXTENSIONS = new Set(['.pst', '.ost', '.olm', '.msg']);
const ARCHIVE = /\.(?:zip|tgz|tar|gz|bz2|xz|7z|rar)$/i;

/** What to do with an archive (a Gmail Takeout comes as a .zip or .tgz). */
export function archiveHelp(name: string): string {
  return format('mailScan.archiveHelp', { name });
}
/** Files in mail folders that are never mail (indexes, metadata). */
const NOT_MAIL =
  /^(?:\..*|.*\.(?:msf|plist|dat|json|sqlite.*|db|idx|toc|sbd|html?|txt|csv|log)|table_of_contents)$/i;
const HEADER_LINE = /^[!-9;-~]+:[ \t]?/;

/**
 * The mail files at `root`: an mbox file, an .eml file, an Apple Mail `.mbox` folder (holding a
 * file named `mbox`), or a folder searched recursively for .eml files and mbox files (Thunderbird
 * keeps its folders as extension-less mbox files). Sorted, so a resumed scan sees the same order.
 * Throws {@link MailScanError} for a missing path, an Outlook file, or a place without mail.
 */
export async function listMailSources(root: string): Promise<MailSource[]> {
  const info = await stat(root).catch(() => null);
  if (!info) throw new MailScanError('not_found', format('errors.mailScan.nothingAt', { path: root }));
  if (info.isFile()) {
    if (OUTLOOK_EXTENSIONS.has(extname(root).toLowerCase()))
      throw new MailScanError('outlook_file', outlookExportHelp());
    if (ARCHIVE.test(root)) throw new MailScanError('not_mail', archiveHelp(basename(root)));
    const sniffed = await sniffFormat(root, info.size);
    if (!sniffed) {
      throw new MailScanError('not_mail', format('errors.mailScan.notMailbox', { name: basename(root) }));
    }
    const folder = basename(root).replace(/\.(?:mbox|mbx|eml|emlx)$/i, '') || basename(root);
    return [
      { format: sniffed, path: root, name: basename(root), folder, size: info.size, mtimeMs: info.mtimeMs },
    ];
  }
  const sources: MailSource[] = [];
  await walk(root, root, sources);
  if (sources.length === 0) {
    throw new MailScanError('empty', format('errors.mailScan.noMail', { path: root }));
  }
  return sources;
}

async function walk(root: string, directory: string, sources: MailSource[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) await walk(root, path, sources);
      continue;
    }
    if (!entry.isFile()) continue;
    const name = relative(root, path).split(sep).join('/');
    const folder = folderOf(root, path);
    const extension = extname(entry.name).toLowerCase();
    if (OUTLOOK_EXTENSIONS.has(extension)) {
      const info = await stat(path);
      sources.push({
        format: 'unsupported',
        path,
        name,
        folder,
        size: info.size,
        mtimeMs: info.mtimeMs,
        why: outlookExportHelp(),
      });
      continue;
    }
    if (ARCHIVE.test(entry.name)) {
      const info = await stat(path);
      sources.push({
        format: 'unsupported',
        path,
        name,
        folder,
        size: info.size,
        mtimeMs: info.mtimeMs,
        why: archiveHelp(entry.name),
      });
      continue;
    }
    if (extension === '.emlx') {
      const info = await stat(path);
      sources.push({ format: 'emlx', path, name, folder, size: info.size, mtimeMs: info.mtimeMs });
      continue;
    }
    if (extension !== '.eml' && extension !== '.mbox' && extension !== '.mbx' && NOT_MAIL.test(entry.name))
      continue;
    const info = await stat(path);
    const format =
      extension === '.eml'
        ? 'eml'
        : extension === '.mbox' || extension === '.mbx'
          ? 'mbox'
          : await sniffFormat(path, info.size, true);
    if (format) sources.push({ format, path, name, folder, size: info.size, mtimeMs: info.mtimeMs });
  }
}

/**
 * The folder a person knows a file as: an Apple Mail `Inbox.mbox/mbox` is "Inbox", a Thunderbird
 * `Local Folders/Inbox` is "Local Folders/Inbox", an .eml in `Work/2024/` is "Work/2024".
 */
function folderOf(root: string, path: string): string {
  const rootName = basename(root).replace(/\.mbox$/i, '');
  const relativePath = relative(root, path).split(sep).join('/');
  const parent = relative(root, dirname(path)).split(sep).join('/');
  const strip = (value: string) => value.replace(/\.(?:mbox|sbd)(?=\/|$)/gi, '');
  if (extname(path).toLowerCase() === '.emlx') {
    // Apple Mail's library: …/INBOX.mbox/<id>/Data/1/2/Messages/123.emlx is in "INBOX".
    const mailbox = /(?:^|\/)([^/]+)\.mbox\//i.exec(`${parent}/`);
    return mailbox ? mailbox[1]! : parent === '' ? rootName : strip(parent);
  }
  if (extname(path).toLowerCase() === '.eml') return parent === '' ? rootName : strip(parent);
  if (basename(path) === 'mbox') return parent === '' ? rootName : strip(parent);
  return strip(relativePath.replace(/\.(?:mbox|mbx)$/i, ''));
}

/** mbox, eml or neither, from a file's first bytes (`onlyMbox` for files found in a folder walk). */
async function sniffFormat(
  path: string,
  size: number,
  onlyMbox = false,
): Promise<'mbox' | 'eml' | 'emlx' | null> {
  if (/\.(?:mbox|mbx)$/i.test(path) || basename(path) === 'mbox') return 'mbox';
  if (!onlyMbox && /\.eml$/i.test(path)) return 'eml';
  if (!onlyMbox && /\.emlx$/i.test(path)) return 'emlx';
  if (size === 0) return null;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    if (looksLikeMbox(head)) return 'mbox';
    if (onlyMbox) return null;
    const lines = head.toString('latin1').split(/\r?\n/);
    const blank = lines.indexOf('');
    const headers = lines.slice(0, blank < 0 ? Math.min(lines.length - 1, 20) : Math.min(blank, 20));
    return headers.length > 0 &&
      headers.every((line, i) => HEADER_LINE.test(line) || (i > 0 && /^[ \t]/.test(line)))
      ? 'eml'
      : null;
  } finally {
    await handle.close();
  }
}
