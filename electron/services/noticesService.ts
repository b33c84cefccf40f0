import { format } from '../../common/messages/format';
import { guideForNotice } from '../../common/content/guides/schema';
import type { CheckNotice } from '../../common/domain/checks/findings';
import { looksLikeSecret } from '../../common/domain/guides/run';
import { isServiceUrlError, parseServiceUrl } from '../../common/domain/serviceUrl';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type { BreachNotice, Incident } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import type { BreachNoticeRow } from '../db/repositories/breachNoticesRepository';
import { today, type Clock } from './clock';
import type { GuidesService } from './guidesService';
import type { Store } from './store';

/**
 * Breach notices: the bundled provider incidents that have no published dataset, and the notices a
 * person says they received. A recorded notice raises a `breach_notice` finding on their accounts
 * at that provider and the address it was sent to, until a guide for it is finished.
 */
export class NoticesService {
  constructor(
    private readonly store: Store,
    private readonly guides: GuidesService,
    private readonly clock: Clock,
  ) {}

  incidents(): Incident[] {
    return this.guides.incidents();
  }

  list(): BreachNotice[] {
    const findingIds = this.findingIds();
    return this.store.read.notices.list().map((n) => withFinding(n, findingIds));
  }

  get(id: number): BreachNotice {
    const notice = this.store.read.notices.get(id);
    if (!notice) throw new AppFailure('not_found', format('errors.notices.gone'));
    return withFinding(notice, this.findingIds());
  }

  /**
   * Records a notice. For a bundled incident the provider, its domains and what was taken come from
   * the incident (what the person adds is kept too); otherwise the provider is required, and its
   * web address, if given, must be a real one.
   */
  record(request: ParsedRequestOf<'notices:record'>): BreachNotice {
    const person = this.store.read.people.get(request.personId);
    if (!person)
      throw new AppFailure('invalid_input', format('errors.notices.personGone'), {
        personId: format('errors.notices.choosePerson'),
      });
    if (request.receivedOn > today(this.clock)) {
      throw new AppFailure('invalid_input', format('errors.notices.future'), {
        receivedOn: format('errors.notices.futureField'),
      });
    }
    if (request.receivedOn < '1990-01-01') {
      throw new AppFailure('invalid_input', format('errors.notices.tooOld'), {
        receivedOn: format('errors.notices.tooOldField'),
      });
    }
    if (request.details && looksLikeSecret(request.details)) {
      const message = format('errors.notices.secret');
      throw new AppFailure('invalid_input', message, { details: message });
    }
    let emailId: number | null = null;
    if (request.emailId !== undefined) {
      const email = this.store.read.people.getEmailAddress(request.emailId);
      if (!email || email.personId !== person.id) {
        throw new AppFailure('invalid_input', format('errors.notices.notTheirAddress'), {
          emailId: format('errors.notices.chooseAddress'),
        });
      }
      emailId = email.id;
    }
    const incident = request.incidentId
      ? this.incidents().find((i) => i.id === request.incidentId)
      : undefined;
    if (request.incidentId && !incident) {
      throw new AppFailure('invalid_input', format('errors.notices.unknownIncident'), {
        incidentId: format('errors.notices.chooseIncident'),
      });
    }
    const provider = request.provider ?? incident?.provider;
    if (!provider) {
      throw new AppFailure('invalid_input', format('errors.notices.nameProvider'), {
        provider: format('errors.notices.nameProvider'),
      });
    }
    const domains = new Set(incident?.domains ?? []);
    if (request.domain) {
      const parsed = parseServiceUrl(request.domain);
      if (isServiceUrlError(parsed) || parsed.kind !== 'web') {
        throw new AppFailure('invalid_input', format('errors.notices.providerAddress'), {
          domain: isServiceUrlError(parsed) ? parsed.error : format('errors.notices.webAddress'),
        });
      }
      // The host as written ("aws.amazon.com"), not only its registrable domain: a listed sign-in
      // host decides the account family (AWS, not Amazon's shop), and matching falls back to the
      // registrable domain for hosts of no family.
      domains.add(parsed.host.startsWith('www.') ? parsed.host.slice(4) : parsed.host);
    }
    const exposed = unique([
      ...request.exposed,
      ...(request.exposed.length === 0 ? (incident?.dataClasses ?? []) : []),
    ]);
    const id = this.store.write((tx) => {
      if (!tx.repos.people.get(person.id))
        throw new AppFailure('invalid_input', format('errors.notices.personGone'), {
          personId: format('errors.notices.choosePerson'),
        });
      const noticeId = tx.repos.notices.insert(
        {
          personId: person.id,
          incidentId: incident?.id ?? null,
          provider,
          domains: [...domains],
          receivedOn: request.receivedOn,
          exposed,
          emailId,
          details: request.details ?? '',
        },
        tx.now,
      );
      tx.record({
        subjectType: 'notice',
        subjectId: noticeId,
        action: 'recorded',
        from: null,
        to: `${provider}, ${request.receivedOn}`,
        note: person.name,
      });
      tx.touch('notices');
      tx.announce('findings', 'guides');
      return noticeId;
    });
    return this.get(id);
  }

  /** Forgets a notice (recorded by mistake); its finding closes. */
  delete({ id }: ParsedRequestOf<'notices:delete'>): { deleted: boolean } {
    return this.store.write((tx) => {
      const notice = tx.repos.notices.get(id);
      if (!notice || !tx.repos.notices.delete(id))
        throw new AppFailure('not_found', format('errors.notices.gone'));
      tx.record({
        subjectType: 'notice',
        subjectId: id,
        action: 'removed',
        from: `${notice.provider}, ${notice.receivedOn}`,
        to: null,
        note: '',
      });
      tx.touch('notices');
      tx.announce('findings', 'guides');
      return { deleted: true };
    });
  }

  private findingIds(): Map<string, number> {
    return new Map(
      this.store.read.findings
        .list()
        .filter((f) => f.kind === 'breach_notice')
        .map((f) => [f.subject, f.id]),
    );
  }
}

/**
 * The notices as the checks see them, each with the guide "Guide me" offers first (the incident's
 * own, else the best for what was exposed), so the finding's estimate is that guide's time. When the
 * guide library cannot be read the notices go without a guide (the estimate falls back to the
 * default) rather than failing the checks.
 */
export function withNoticeGuides(
  notices: CheckNotice[],
  guides: Pick<GuidesService, 'all' | 'incidents'>,
): CheckNotice[] {
  if (notices.length === 0) return notices;
  let library: ReturnType<GuidesService['all']>;
  let incidents: ReturnType<GuidesService['incidents']>;
  try {
    library = guides.all();
    incidents = guides.incidents();
  } catch {
    return notices;
  }
  return notices.map((notice) => {
    const guide = guideForNotice(notice, incidents, library);
    return guide
      ? { ...notice, guide: { id: guide.id, title: guide.title, estimatedMinutes: guide.estimatedMinutes } }
      : notice;
  });
}

function withFinding(notice: BreachNoticeRow, findingIds: Map<string, number>): BreachNotice {
  return { ...notice, findingId: findingIds.get(`notice:${notice.id}`) ?? null };
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
