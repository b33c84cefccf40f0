import { getDomain } from 'tldts';
import { format } from '../../messages/format';
import { MAIL_SECRET_LABELS, MAIL_SECRET_KINDS, MAIL_SECRET_SERVICES, type MailSecretKind } from './kinds';

/**
 * Aggregation of a mailbox scan: the same secret in 30 messages is one finding "seen in 30
 * messages, first …, last …" (grouped by kind + keyed fingerprint). Everything here is free of
 * secrets and of mail content: kinds, masked hints, keyed fingerprints, dates, folder names,
 * domains, SHA-256 hashes of Message-IDs and keyed fingerprints of addresses. Its state is plain
 * JSON, so a cancelled scan can resume from a checkpoint.
 */

/** At most this many entries are kept in each capped list of a finding. */
export const MAIL_FINDING_LIST_CAP = 20;
/** At most this many undecodable parts are named in a report (all are counted). */
export const UNDECODABLE_LIST_CAP = 100;
/**
 * Distinct secrets listed at most (memory and checkpoints stay bounded whatever the mailbox);
 * secrets beyond are counted by kind in {@link MailScanReport.findingsNotListed}.
 */
export const MAIL_FINDINGS_CAP = 20_000;
const PARTIES_CAP = 32;
const ADDRESS_COUNT_CAP = 50_000;

/** One secret as the scan reports it: never the secret, never the mail. */
export interface AggregatedMailFinding {
  kind: MailSecretKind;
  /** What it is in plain words ("GitHub token"). */
  label: string;
  /** Masked description: kind and length ("GitHub token, 40 characters"). */
  hint: string;
  /** The caller's keyed fingerprint of the secret (its HMAC): equal secrets, equal fingerprints. */
  fingerprint: string;
  /** Messages it was seen in. */
  count: number;
  /** YYYY-MM-DD of the earliest and latest Date header among those messages; null without dates. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Folders (mbox files, folders of .eml files) it was seen in, capped. */
  folders: string[];
  /** Registrable domains of the other party of those messages, capped. */
  correspondentDomains: string[];
  /** SHA-256 (hex) of the Message-IDs of those messages, capped at {@link MAIL_FINDING_LIST_CAP}. */
  messageIdHashes: string[];
  /** Registrable domain of the service the secret belongs to, when it can be told. */
  account: string | null;
}

/** A part or message that could not be read, by name, and why. */
export interface UndecodablePart {
  /** "message 12 in Inbox, part report.pdf" — names and positions only, never content. */
  where: string;
  why: string;
}

/** The whole result of a mailbox scan. */
export interface MailScanReport {
  /** Messages read (each counted once, whether or not it could be decoded). */
  messages: number;
  /** Bytes of mail read. */
  bytes: number;
  /** Parts and messages that could not be decoded: all counted, the first ones named. */
  undecodable: { count: number; parts: UndecodablePart[] };
  /** Attachments not read for text (images, PDFs, archives…), by type; their names are still checked. */
  attachmentsNotRead: { count: number; byType: Record<string, number> };
  /** Every kind the scan looked for. */
  kindsLookedFor: MailSecretKind[];
  findings: AggregatedMailFinding[];
  /**
   * Sightings of secrets beyond the first {@link MAIL_FINDINGS_CAP} distinct ones, by kind (one
   * per message a secret was seen in; these are not told apart). Empty in any ordinary mailbox.
   */
  findingsNotListed: { count: number; byKind: Partial<Record<MailSecretKind, number>> };
}

/** A message as the aggregator sees it (no content). */
export interface MailMessageFacts {
  /** YYYY-MM-DD from the Date header, or null. */
  date: string | null;
  /** The folder the message is in (an mbox file's name, an .eml file's folder). */
  folder: string;
  /** SHA-256 hex of the Message-ID, or null when there is none. */
  messageIdHash: string | null;
  /** Keyed fingerprint of the From address (never the address), or null. */
  fromKey: string | null;
  /** The From address's domain, or null. */
  fromDomain: string | null;
  /** Domains of the To and Cc addresses. */
  toDomains: string[];
  /**
   * Keyed fingerprints of the addresses that received the message (To, Cc, Delivered-To): the
   * mailbox owner is told from how often an address receives and sends.
   */
  recipientKeys: string[];
  /** Keyed fingerprints from Delivered-To / X-Original-To: certainly the owner's. */
  deliveredToKeys: string[];
}

/** One secret found in a message, ready to aggregate (the secret already fingerprinted). */
export interface MailFindingInput {
  kind: MailSecretKind;
  fingerprint: string;
  hint: string;
  /** A host the text ties the secret to (a link's host, an otpauth issuer), or undefined. */
  serviceHost?: string;
}

interface Party {
  from: string | null;
  fromDomain: string | null;
  toDomains: string[];
}

interface FindingState {
  kind: MailSecretKind;
  fingerprint: string;
  hint: string;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  folders: string[];
  messageIdHashes: string[];
  parties: Party[];
  serviceDomains: Record<string, number>;
}

/** The aggregator's state as plain JSON (part of a scan checkpoint; free of secrets). */
export interface MailScanState {
  version: 1;
  messages: number;
  bytes: number;
  undecodableCount: number;
  undecodableParts: UndecodablePart[];
  attachmentsNotRead: Record<string, number>;
  /** Address fingerprint → weight (received ×2, sent ×1, delivered-to ×4). */
  addressWeights: Record<string, number>;
  findings: FindingState[];
  findingsNotListed: Partial<Record<MailSecretKind, number>>;
}

/**
 * Providers where anyone can have an address: a password mailed from one of them was sent by a
 * person, so the sender's domain says nothing about which account it opens.
 */
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
  'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de',
  't-online.de', 'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'tuta.io', 'zoho.com',
  'fastmail.com', 'yandex.ru', 'yandex.com', 'mail.ru', 'orange.fr', 'free.fr', 'laposte.net',
  'libero.it', 'virgilio.it', 'ziggo.nl', 'kpnmail.nl', 'telia.com', 'bredband.net', 'hotmail.co.uk',
  'btinternet.com', 'qq.com', '163.com', 'naver.com',
]); // prettier-ignore

/** Click-tracking hosts of mailing services: a link through them says nothing about its service. */
const LINK_TRACKER_DOMAINS = new Set([
  'sendgrid.net', 'list-manage.com', 'mcsv.net', 'mandrillapp.com', 'mailgun.org', 'sparkpostmail.com',
  'awstrack.me', 'hubspotlinks.com', 'exacttarget.com', 'mailchimp.com', 'mailjet.com', 'safelinks.protection.outlook.com',
  'outlook.com', 'urldefense.com', 'mimecast.com', 'postmarkapp.com', 'cmail19.com', 'cmail20.com',
]); // prettier-ignore

/** The registrable domain of a host or address domain, or null. */
export function registrableDomain(host: string | null | undefined): string | null {
  if (!host) return null;
  return getDomain(host.trim().toLowerCase().replace(/\.$/, ''), { allowPrivateDomains: false });
}

/**
 * Collects findings message by message. Feed it every message in order; `report()` at any time
 * gives the findings so far. `state()` / {@link MailScanAggregator.fromState} round-trip it.
 */
export class MailScanAggregator {
  private readonly data: MailScanState;
  private readonly byKey = new Map<string, FindingState>();

  constructor(state?: MailScanState) {
    this.data = state
      ? (JSON.parse(JSON.stringify(state)) as MailScanState)
      : {
          version: 1,
          messages: 0,
          bytes: 0,
          undecodableCount: 0,
          undecodableParts: [],
          attachmentsNotRead: {},
          addressWeights: {},
          findings: [],
          findingsNotListed: {},
        };
    for (const finding of this.data.findings)
      this.byKey.set(`${finding.kind}\0${finding.fingerprint}`, finding);
  }

  /** An aggregator that continues from a {@link MailScanAggregator.state} snapshot. */
  static fromState(state: MailScanState): MailScanAggregator {
    if (state.version !== 1) throw new Error(format('errors.mailScan.otherVersion'));
    return new MailScanAggregator(state);
  }

  /** A deep copy of the state (plain JSON, free of secrets). */
  state(): MailScanState {
    return JSON.parse(JSON.stringify(this.data)) as MailScanState;
  }

  /** Counts bytes of mail read. */
  addBytes(bytes: number): void {
    this.data.bytes += bytes;
  }

  /** Records a message and the secrets found in it (each secret counted once per message). */
  addMessage(facts: MailMessageFacts, found: readonly MailFindingInput[]): void {
    this.data.messages++;
    this.countAddresses(facts);
    const seen = new Set<string>();
    for (const input of found) {
      const key = `${input.kind}\0${input.fingerprint}`;
      const service = registrableDomain(input.serviceHost);
      let finding = this.byKey.get(key);
      if (!finding && this.data.findings.length >= MAIL_FINDINGS_CAP) {
        if (!seen.has(key)) {
          seen.add(key);
          this.data.findingsNotListed[input.kind] = (this.data.findingsNotListed[input.kind] ?? 0) + 1;
        }
        continue;
      }
      if (!finding) {
        finding = {
          kind: input.kind,
          fingerprint: input.fingerprint,
          hint: input.hint,
          count: 0,
          firstSeen: null,
          lastSeen: null,
          folders: [],
          messageIdHashes: [],
          parties: [],
          serviceDomains: {},
        };
        this.byKey.set(key, finding);
        this.data.findings.push(finding);
      }
      if (service) finding.serviceDomains[service] = (finding.serviceDomains[service] ?? 0) + 1;
      if (seen.has(key)) continue;
      seen.add(key);
      finding.count++;
      if (facts.date) {
        if (finding.firstSeen === null || facts.date < finding.firstSeen) finding.firstSeen = facts.date;
        if (finding.lastSeen === null || facts.date > finding.lastSeen) finding.lastSeen = facts.date;
      }
      pushCapped(finding.folders, facts.folder, MAIL_FINDING_LIST_CAP);
      if (facts.messageIdHash)
        pushCapped(finding.messageIdHashes, facts.messageIdHash, MAIL_FINDING_LIST_CAP);
      const party: Party = {
        from: facts.fromKey,
        fromDomain: facts.fromDomain,
        toDomains: [...new Set(facts.toDomains)].sort(),
      };
      const samePartyKnown = finding.parties.some(
        (p) => p.from === party.from && p.toDomains.join() === party.toDomains.join(),
      );
      if (!samePartyKnown && finding.parties.length < PARTIES_CAP) finding.parties.push(party);
    }
  }

  /** Records a message or part that could not be decoded (counted always, named up to a cap). */
  addUndecodable(part: UndecodablePart): void {
    this.data.undecodableCount++;
    if (this.data.undecodableParts.length < UNDECODABLE_LIST_CAP) this.data.undecodableParts.push(part);
  }

  /** Records an attachment whose content was not read for text, by type ("pdf", "image"). */
  addAttachmentNotRead(type: string): void {
    this.data.attachmentsNotRead[type] = (this.data.attachmentsNotRead[type] ?? 0) + 1;
  }

  /** Messages recorded so far. */
  get messages(): number {
    return this.data.messages;
  }

  /** Bytes recorded so far. */
  get bytes(): number {
    return this.data.bytes;
  }

  /**
   * The report so far. `ownAddressKeys` are the keyed fingerprints of the person's own addresses
   * (from the inventory); the address that receives most mail counts as theirs too.
   */
  report(kindsLookedFor: readonly MailSecretKind[], ownAddressKeys: readonly string[] = []): MailScanReport {
    const owners = this.owners(ownAddressKeys);
    const order = new Map(MAIL_SECRET_KINDS.map((kind, index) => [kind, index]));
    const findings = this.data.findings
      .map((finding) => this.finish(finding, owners))
      .sort(
        (a, b) =>
          (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0) ||
          b.count - a.count ||
          (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') ||
          a.fingerprint.localeCompare(b.fingerprint),
      );
    const notRead = this.data.attachmentsNotRead;
    return {
      messages: this.data.messages,
      bytes: this.data.bytes,
      undecodable: {
        count: this.data.undecodableCount,
        parts: this.data.undecodableParts.map((p) => ({ ...p })),
      },
      attachmentsNotRead: {
        count: Object.values(notRead).reduce((sum, n) => sum + n, 0),
        byType: Object.fromEntries(Object.entries(notRead).sort(([a], [b]) => a.localeCompare(b))),
      },
      kindsLookedFor: [...kindsLookedFor],
      findings,
      findingsNotListed: {
        count: Object.values(this.data.findingsNotListed).reduce((sum, n) => sum + (n ?? 0), 0),
        byKind: { ...this.data.findingsNotListed },
      },
    };
  }

  private countAddresses(facts: MailMessageFacts): void {
    const weights = this.data.addressWeights;
    const add = (key: string, weight: number) => {
      weights[key] = (weights[key] ?? 0) + weight;
    };
    if (facts.fromKey) add(facts.fromKey, 1);
    for (const key of new Set(facts.recipientKeys)) add(key, 2);
    for (const key of new Set(facts.deliveredToKeys)) add(key, 4);
    const keys = Object.keys(weights);
    if (keys.length > ADDRESS_COUNT_CAP) {
      // Mailing lists bring thousands of one-off addresses; the owner's weight is never among the smallest.
      for (const key of keys) if ((weights[key] ?? 0) <= 2) delete weights[key];
    }
  }

  private owners(ownAddressKeys: readonly string[]): Set<string> {
    const owners = new Set(ownAddressKeys);
    let top: string | null = null;
    let topWeight = 0;
    for (const [key, weight] of Object.entries(this.data.addressWeights)) {
      if (weight > topWeight || (weight === topWeight && top !== null && key < top)) {
        top = key;
        topWeight = weight;
      }
    }
    if (top !== null && topWeight >= 2) owners.add(top);
    return owners;
  }

  private finish(finding: FindingState, owners: Set<string>): AggregatedMailFinding {
    const correspondents = new Set<string>();
    const senderServices = new Map<string, number>();
    for (const party of finding.parties) {
      const isFromOwner = party.from !== null && owners.has(party.from);
      const domains = isFromOwner ? party.toDomains : party.fromDomain ? [party.fromDomain] : [];
      for (const domain of domains) {
        const registrable = registrableDomain(domain) ?? domain;
        correspondents.add(registrable);
      }
      const senderDomain = registrableDomain(party.fromDomain);
      if (!isFromOwner && senderDomain && !PERSONAL_MAIL_DOMAINS.has(senderDomain)) {
        senderServices.set(senderDomain, (senderServices.get(senderDomain) ?? 0) + 1);
      }
    }
    const hinted = Object.entries(finding.serviceDomains).filter(
      ([domain]) => !LINK_TRACKER_DOMAINS.has(domain),
    );
    const account =
      MAIL_SECRET_SERVICES[finding.kind] ??
      mostCommon(hinted) ??
      mostCommon([...senderServices.entries()]) ??
      null;
    return {
      kind: finding.kind,
      label: MAIL_SECRET_LABELS[finding.kind],
      hint: finding.hint,
      fingerprint: finding.fingerprint,
      count: finding.count,
      firstSeen: finding.firstSeen,
      lastSeen: finding.lastSeen,
      folders: [...finding.folders],
      correspondentDomains: [...correspondents].sort().slice(0, MAIL_FINDING_LIST_CAP),
      messageIdHashes: [...finding.messageIdHashes],
      account,
    };
  }
}

function pushCapped(list: string[], value: string, cap: number): void {
  if (list.length < cap && !list.includes(value)) list.push(value);
}

function mostCommon(entries: readonly (readonly [string, number])[]): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of entries) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
