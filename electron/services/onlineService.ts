import type { ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { EmailBreachesRepository } from '../db/repositories/emailBreachesRepository';
import type { LedgerRepository } from '../db/repositories/ledgerRepository';
import type { PlatformPort } from '../platform/port';
import { deleteApiKey, hasApiKey, loadApiKey, saveApiKey } from './online/apiKeyStore';
import { checkAddresses, type AccountCheckResult } from './online/hibpAccount';
import { refreshDatasets } from './online/refreshDatasets';
import type { ChecksService } from './checksService';
import { timestamp, type Clock } from './clock';
import type { ChangeNotifier } from './events';
import type { SettingsService } from './settingsService';

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
    private readonly ledger: LedgerRepository,
    private readonly emailBreaches: EmailBreachesRepository,
    private readonly checks: ChecksService,
    private readonly reloadCatalogue: () => void,
    private readonly clock: Clock,
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
        key: error instanceof Error ? error.message : 'This key cannot be saved.',
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
    if (!apiKey) throw new AppFailure('conflict', 'Add your Have I Been Pwned API key in Settings first.');
    const emails = this.emailBreaches.emails().filter((e) => emailId === undefined || e.id === emailId);
    if (emails.length === 0) throw new AppFailure('not_found', 'There is no email address to check.');
    const settings = this.settings.get();
    const results = await checkAddresses(
      emails.map((e) => e.address),
      {
        apiKey,
        baseUrl: settings.hibpApiUrl,
        userAgent: this.userAgent,
        record: (entry) => this.ledger.append(entry),
        fetchImpl: this.fetchImpl,
        minIntervalMs: settings.hibpApiUrl.startsWith('http://127.0.0.1') ? 0 : undefined,
      },
    );
    const now = timestamp(this.clock);
    const outcomes: EmailCheckOutcome[] = [];
    for (const email of emails) {
      const result = results.get(email.address) ?? { status: 'failed' as const, reason: 'not checked' };
      if (result.status === 'found') {
        for (const name of result.breachNames) this.emailBreaches.mark(email.id, name, 'hibp', now);
      }
      outcomes.push({
        address: email.address,
        status: result.status,
        breaches: result.status === 'found' ? result.breachNames : [],
        reason: result.status === 'failed' ? result.reason : null,
      });
    }
    this.checks.run();
    this.changed(['findings', 'people', 'ledger']);
    return outcomes;
  }

  /** Refreshes the breach catalogue and the two-step directories; a failure keeps the data in use. */
  async refresh(): Promise<{ refreshed: string[]; failed: { dataset: string; reason: string }[] }> {
    const settings = this.settings.get();
    const result = await refreshDatasets({
      dataDir: this.dataDir,
      baseUrls: settings.datasetUrls,
      userAgent: this.userAgent,
      record: (entry) => this.ledger.append(entry),
      fetchImpl: this.fetchImpl,
    });
    if (result.refreshed.length > 0) {
      this.reloadCatalogue();
      this.checks.run();
    }
    this.changed(['findings', 'ledger', 'settings']);
    return {
      refreshed: [...result.refreshed],
      failed: result.failed.map((f) => ({ dataset: f.dataset, reason: f.reason })),
    };
  }
}
