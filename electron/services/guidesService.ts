import { format } from '../../common/messages/format';
import type { FamilyIndex } from '../../common/content/families';
import type { Guide } from '../../common/content/guides/schema';
import { guidesFor, resolveSteps } from '../../common/content/guides/schema';
import type { GuideDetail, GuideSummary, Incident } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import type { Finding } from '../../common/model/index';
import { writeFileSync } from 'node:fs';
import type { PlatformPort } from '../platform/port';
import type { ChangeNotifier } from './events';
import { exportGuide, importGuide, listGuides, loadIncidents, type GuideListing } from './guides/guideStore';

/** The guide library: bundled and imported guides, the ones relevant to open findings first. */
export class GuidesService {
  private listings: GuideListing[] | null = null;
  private incidentList: Incident[] | null = null;

  constructor(
    private readonly dataDir: string,
    /** The findings, to put the guides for open ones first. */
    private readonly findings: () => Finding[],
    private readonly platform?: PlatformPort,
    /** Tells open views that the library changed (it lives in files, not the database). */
    private readonly changed: ChangeNotifier = () => {},
    /** The account families, to say which sign-ins an incident's notice concerns. */
    private readonly families?: () => FamilyIndex | null,
  ) {}

  /**
   * Asks for a guide file and imports it (validated in full; never executed). Null when the person
   * cancels. A file that is not a valid guide is refused with every problem and its JSON path.
   */
  async importFromFile(): Promise<{ id: string; title: string; version: string } | null> {
    const path = await this.requirePlatform().pickFile({
      title: format('dialogs.importGuide'),
      filters: [
        { name: format('dialogs.guideFiles'), extensions: ['json'] },
        { name: format('dialogs.allFiles'), extensions: ['*'] },
      ],
    });
    if (!path) return null;
    const guide = importGuide(path, this.dataDir);
    this.listings = null;
    this.changed(['guides']);
    return { id: guide.id, title: guide.title, version: guide.version };
  }

  /** Saves a guide as JSON where the person chooses, to share it (nothing saved if they cancel). */
  async exportToFile({ id }: { id: string }): Promise<{ saved: boolean; path: string | null }> {
    const text = exportGuide(id, this.all());
    const path = await this.requirePlatform().pickSavePath({
      title: format('dialogs.exportGuide'),
      defaultName: `${id}.json`,
      filters: [{ name: format('dialogs.guideFiles'), extensions: ['json'] }],
    });
    if (!path) return { saved: false, path: null };
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw new AppFailure(
        'unavailable',
        format('errors.guides.saveFailed', { code: (error as NodeJS.ErrnoException).code ?? 'error' }),
      );
    }
    return { saved: true, path };
  }

  private requirePlatform(): PlatformPort {
    if (!this.platform) throw new Error('No platform: file dialogs are not available here.');
    return this.platform;
  }

  list(): GuideSummary[] {
    const guides = this.load();
    const open = this.findings().filter((f) => f.status === 'open');
    // What the open findings are about: their kinds, and the data their breaches or notices exposed.
    const dataClasses = open.flatMap((f) =>
      [f.evidence.dataClasses, f.evidence.exposed].flatMap((list) =>
        Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [],
      ),
    );
    const relevant = new Set(
      guidesFor(
        { findingKinds: [...new Set(open.map((f) => f.kind))], dataClasses: [...new Set(dataClasses)] },
        guides.map((l) => l.guide),
      ).map((g) => g.id),
    );
    return guides
      .map(({ guide, source }) => ({
        id: guide.id,
        version: guide.version,
        title: guide.title,
        summary: guide.summary,
        category: guide.category,
        estimatedMinutes: guide.estimatedMinutes,
        stepCount: guide.steps.length,
        source,
        isRelevant: relevant.has(guide.id),
      }))
      .sort((a, b) => Number(b.isRelevant) - Number(a.isRelevant) || a.title.localeCompare(b.title));
  }

  get({ id, variant }: { id: string; variant?: string }): GuideDetail {
    const listing = this.guide(id);
    const guide: Guide = listing.guide;
    if (variant !== undefined && !guide.variants?.some((v) => v.id === variant)) {
      throw new AppFailure('invalid_input', format('errors.guides.noVariant'));
    }
    return {
      id: guide.id,
      version: guide.version,
      title: guide.title,
      summary: guide.summary,
      estimatedMinutes: guide.estimatedMinutes,
      source: listing.source,
      author: guide.author ?? null,
      variants: (guide.variants ?? []).map((v) => ({ id: v.id, label: v.label })),
      steps: resolveSteps(guide, variant).map((step) => ({
        id: step.id,
        title: step.title,
        why: step.why,
        instructions: [...step.instructions],
        links: step.links.map((l) => ({ label: l.label, url: l.url })),
        estimatedMinutes: step.estimatedMinutes,
        confirm: step.confirm ?? null,
        sources: step.sources.map((l) => ({ label: l.label, url: l.url })),
      })),
    };
  }

  /** A guide with where it came from; throws when it is not in the library. */
  guide(id: string): GuideListing {
    const listing = this.load().find((l) => l.guide.id === id);
    if (!listing) throw new AppFailure('not_found', format('errors.guides.notInLibrary'));
    return listing;
  }

  /** Every guide in the library. */
  all(): Guide[] {
    return this.load().map((l) => l.guide);
  }

  /**
   * The bundled provider incidents (no published dataset), newest first, each with the account
   * families its domains belong to.
   */
  incidents(): Incident[] {
    if (this.incidentList) return this.incidentList;
    const index = this.familyIndex();
    this.incidentList = loadIncidents()
      .incidents.map((incident) => ({
        id: incident.id,
        provider: incident.provider,
        title: incident.title,
        domains: [...incident.domains],
        period: { from: incident.period.from, to: incident.period.to ?? null },
        disclosedOn: incident.disclosedOn,
        summary: incident.summary,
        whatWasTaken: [...incident.whatWasTaken],
        dataClasses: [...incident.dataClasses],
        notices: incident.notices.map((n) => ({ ...n })),
        guides: [...incident.guides],
        families: [...new Set(incident.domains.flatMap((domain) => index?.ofHost(domain) ?? []))].map(
          (family) => ({
            id: family.id,
            name: family.name,
            domains: [...family.domains, ...family.sharedDomains],
          }),
        ),
      }))
      .sort((a, b) => b.disclosedOn.localeCompare(a.disclosedOn));
    return this.incidentList;
  }

  private familyIndex(): FamilyIndex | null {
    try {
      return this.families?.() ?? null;
    } catch {
      return null;
    }
  }

  private load(): GuideListing[] {
    this.listings ??= listGuides(this.dataDir);
    return this.listings;
  }
}
