import { format } from '../../common/messages/format';
import type { Breach, Catalogue } from '../../common/content/catalogue';
import type { BreachSummary, DataSources, ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { Store } from './store';

/** The breach catalogue browser and the breaches a person marks for their email addresses. */
export class ExposureService {
  constructor(
    private readonly catalogue: () => Catalogue,
    private readonly store: Store,
  ) {}

  /** Breaches by name, title or domain ("I got a breach notice from …"). */
  search({ text, limit }: ParsedRequestOf<'breaches:search'>): BreachSummary[] {
    return this.load()
      .searchBreaches(text, limit ?? 50)
      .map(toSummary);
  }

  get({ name }: ParsedRequestOf<'breaches:get'>): BreachSummary {
    const breach = this.load().breach(name);
    if (!breach) throw new AppFailure('not_found', format('errors.exposure.noBreach', { name }));
    return toSummary(breach);
  }

  /** Records that a breach concerns an email address; the checks then raise `email_in_breach`. */
  mark({ emailId, breachName }: ParsedRequestOf<'emails:markBreach'>): { marked: boolean } {
    if (!this.load().breach(breachName)) {
      throw new AppFailure('invalid_input', format('errors.exposure.noBreach', { name: breachName }));
    }
    return this.store.write((tx) => {
      const email = tx.repos.people.getEmailAddress(emailId);
      if (!email) throw new AppFailure('not_found', format('errors.exposure.emailGone'));
      const marked = tx.repos.emailBreaches.mark(emailId, breachName, 'manual', tx.now);
      if (marked)
        tx.record({
          subjectType: 'email',
          subjectId: emailId,
          action: 'breach marked',
          from: null,
          to: breachName,
          note: email.address,
        });
      tx.touch('inventory');
      tx.announce('findings', 'people');
      return { marked };
    });
  }

  unmark({ emailId, breachName }: ParsedRequestOf<'emails:unmarkBreach'>): { unmarked: boolean } {
    return this.store.write((tx) => {
      const unmarked = tx.repos.emailBreaches.unmark(emailId, breachName);
      if (unmarked)
        tx.record({
          subjectType: 'email',
          subjectId: emailId,
          action: 'breach unmarked',
          from: breachName,
          to: null,
          note: '',
        });
      tx.touch('inventory');
      tx.announce('findings', 'people');
      return { unmarked };
    });
  }

  /** Every mark, for the People screen. */
  marks(): { emailId: number; breachName: string; source: 'manual' | 'hibp' }[] {
    return this.store.read.emailBreaches
      .emails()
      .flatMap((email) =>
        email.marks.map((m) => ({ emailId: email.id, breachName: m.breachName, source: m.source })),
      );
  }

  /** The datasets' dates, or why they could not be loaded (never a silent all-clear). */
  sources(): DataSources {
    try {
      const catalogue = this.catalogue();
      return {
        available: true,
        error: null,
        dates: { ...catalogue.datasetDates },
        breachCount: catalogue.breaches.length,
      };
    } catch (error) {
      return {
        available: false,
        error: error instanceof Error ? error.message : String(error),
        dates: null,
        breachCount: 0,
      };
    }
  }

  private load(): Catalogue {
    try {
      return this.catalogue();
    } catch (error) {
      throw new AppFailure(
        'internal',
        format('errors.exposure.catalogueUnavailable', {
          hasDetail: error instanceof Error && error.message ? 'yes' : 'no',
          detail: error instanceof Error ? error.message : '',
        }),
      );
    }
  }
}

function toSummary(breach: Breach): BreachSummary {
  return {
    name: breach.name,
    title: breach.title,
    domain: breach.domain,
    breachDate: breach.breachDate,
    addedDate: breach.addedDate,
    pwnCount: breach.pwnCount,
    dataClasses: [...breach.dataClasses],
    descriptionText: breach.descriptionText,
    isVerified: breach.isVerified,
    isSensitive: breach.isSensitive,
    isSpamList: breach.isSpamList,
    isFabricated: breach.isFabricated,
    isRetired: breach.isRetired,
    raisesAccountFindings: breach.raisesAccountFindings,
  };
}
