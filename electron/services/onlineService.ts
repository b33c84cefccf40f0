import type { ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { LedgerEntry } from '../../common/model/index';
import type { PlatformPort } from '../platform/port';
import { deleteApiKey, hasApiKey, loadApiKey, saveApiKey } from './online/apiKeyStore';
import { checkAddresses, type AccountCheckResult } from './online/hibpAccount';
import { refreshDatasets } from './online/refreshDatasets';
import type { ChangeNotifier } from './events';
import type { SettingsService } from './settingsService';
import type { Store } from './store';
import { format } from '../../common/messages/format';

/** What the online email check found for one address ("not checked" is never "not breached"). */
export interface EmailCheckOutcome {
  address: string;
  status: AccountCheckResult['status'];
  breaches: string[];
  reason: string | null;
}

/**
 * The opt-in online features beyond the password range check: Have I Been Pwned's email search with
 * the user's own API key (kept only in the OS keychain), and refreshing the public datasets.
 */
export class OnlineService {
  constructor(
    private readonly dataDir: string,
    private readonly platform: PlatformPort,
    private readonly settings: SettingsService,
    private readonly store: Store,
    private readonly reloadCatalogue: () => void,
    /** Tells open views about changes that are not in the database (the key, in the keychain). */
    private readonly changed: ChangeNotifier,
    private readonly userAgent: string,
    private readonly fetchImpl?: typeof fetch,
  ) {}

  /** Whether a key is stored, and whether this machine can store one at all. */
  keyStatus(): { hasKey: boolean; keychainAvailable: boolean } {
    return {
      hasKey: hasApiKey(this.dataDir),
      keychainAvailable: Boolean(this.platform.secrets?.isAvailable()),
    };
  }

  saveKey({ key }: ParsedRequestOf<'online:saveApiKey'>): { hasKey: boolean; keychainAvailable: boolean } {
    try {
      saveApiKey(this.dataDir, this.platform.secrets, key);
    } catch (error) {
      throw new AppFailure('invalid_input', error instanceof Error ? error.message : String(error), {
        key: error instanceof Error ? error.message : format('errors.online.keyNotSaved'),
      });
    }
    this.changed(['settings']);
    return this.keyStatus();
  }

  deleteKey(): { hasKey: boolean; keychainAvailable: boolean } {
    deleteApiKey(this.dataDir);
    this.changed(['settings']);
    return this.keyStatus();
  }

  /**
   * Looks every address (or one) up with the user's key, a request every 6 seconds as the lowest
   * paid tier allows; breaches found are recorded for the address and the checks re-run.
   */
  async checkEmails({ emailId }: ParsedRequestOf<'online:checkEmails'>): Promise<EmailCheckOutcome[]> {
    let apiKey: string | null;
    try {
      apiKey = loadApiKey(this.dataDir, this.platform.secrets);
    } catch (error) {
      throw new AppFailure('conflict', error instanceof Error ? error.message : String(error));
    }
    if (!apiKey) throw new AppFailure('conflict', format('errors.online.noKey'));
    const emails = this.store.read.emailBreaches
      .emails()
      .filter((e) => emailId === undefined || e.id === emailId);
    if (emails.length === 0) throw new AppFailure('not_found', format('errors.online.noAddress'));
    const settings = this.settings.get();
    const results = await checkAddresses(
      emails.map((e) => e.address),
      {
        apiKey,
        baseUrl: settings.hibpApiUrl,
        userAgent: this.userAgent,
        record: (entry) => this.recordRequest(entry),
        fetchImpl: this.fetchImpl,
        minIntervalMs: settings.hibpApiUrl.startsWith('http://127.0.0.1') ? 0 : undefined,
      },
    );
    return this.store.write((tx) => {
      const outcomes: EmailCheckOutcome[] = [];
      for (const email of emails) {
        const result = results.get(email.address) ?? {
          status: 'failed' as const,
          reason: format('online.failure.notChecked'),
        };
        if (result.status === 'found') {
          for (const name of result.breachNames) {
            // An address deleted while the check ran is not marked (its row is in the trash).
            if (!tx.repos.people.getEmailAddress(email.id)) continue;
            if (tx.repos.emailBreaches.mark(email.id, name, 'hibp', tx.now))
              tx.record({
                subjectType: 'email',
                subjectId: email.id,
                action: 'breach found online',
                from: null,
                to: name,
                note: email.address,
              });
          }
        }
        outcomes.push({
          address: email.address,
          status: result.status,
          breaches: result.status === 'found' ? result.breachNames : [],
          reason: result.status === 'failed' ? result.reason : null,
        });
      }
      tx.touch('inventory');
      tx.announce('findings', 'people', 'ledger');
      return outcomes;
    });
  }

  /** Refreshes the breach catalogue and the two-step directories; a failure keeps the data in use. */
  async refresh(): Promise<{ refreshed: string[]; failed: { dataset: string; reason: string }[] }> {
    const settings = this.settings.get();
    const result = await refreshDatasets({
      dataDir: this.dataDir,
      baseUrls: settings.datasetUrls,
      userAgent: this.userAgent,
      record: (entry) => this.recordRequest(entry),
      fetchImpl: this.fetchImpl,
    });
    if (result.refreshed.length > 0) this.reloadCatalogue();
    this.store.write((tx) => {
      if (result.refreshed.length > 0) {
        tx.record({
          subjectType: 'data',
          subjectId: 0,
          action: 'datasets refreshed',
          from: null,
          to: result.refreshed.join(', '),
          note: '',
        });
        tx.touch('catalogue');
      }
      tx.announce('findings', 'ledger', 'settings');
    });
    return {
      refreshed: [...result.refreshed],
      failed: result.failed.map((f) => ({ dataset: f.dataset, reason: f.reason })),
    };
  }

  /** Every request goes in the ledger as it is made, in its own small write. */
  private recordRequest(entry: Omit<LedgerEntry, 'id'>): void {
    this.store.write((tx) => tx.repos.ledger.append(entry));
  }
}
