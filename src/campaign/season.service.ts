import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions } from '../database/transactions';
import { CampaignRepository } from './campaign.repository';
import { SeasonSettings, defaultSeason, seasonProblems, seasonStatus } from './domain/season';
import { seasonFestivalYear, springFestival } from './domain/spring-festival';
import { SeasonView } from './season.view';


/**
 * The winter campaign against wage arrears (根治欠薪冬季专项行动) that a day belongs to: the Spring
 * Festival from the lunar calendar, the season's window and targets as administrators set them (or
 * the defaults: 1 November to the festival's eve), and the days left to the eve.
 */
const SETTINGS_TTL_MS = 5_000;

@Injectable()
export class SeasonService {
  constructor(
    private readonly clock: Clock,
    private readonly repository: CampaignRepository,
    private readonly transactions: Transactions,
  ) {}

  async current(): Promise<SeasonView> {
    return this.on(shanghaiDate(this.clock.now()));
  }

  async on(day: string): Promise<SeasonView> {
    return this.seen(seasonFestivalYear(day), day);
  }

  /**
   * The season of a festival's year, past or to come, as it stands today (a past season: its eve
   * behind, no target left). The year must be one whose festival is known (FIRST_FESTIVAL_YEAR to
   * LAST_FESTIVAL_YEAR).
   */
  async ofFestivalYear(festivalYear: number): Promise<SeasonView> {
    return this.seen(festivalYear, shanghaiDate(this.clock.now()));
  }

  private async seen(festivalYear: number, day: string): Promise<SeasonView> {
    const { settings, configured } = await this.settings(festivalYear);
    return {
      festivalYear,
      festival: springFestival(festivalYear),
      startsOn: settings.startsOn,
      endsOn: settings.endsOn,
      targets: settings.targets,
      configured,
      ...seasonStatus(day, settings),
    };
  }

  /**
   * Read on every case view and intake, changed a few times a year: kept for a few seconds. Another
   * instance sees a change within SETTINGS_TTL_MS; this one at once (set() forgets its copy).
   */
  private readonly cached = new Map<number, { at: number; value: Promise<{ settings: SeasonSettings; configured: boolean }> }>();

  settings(festivalYear: number): Promise<{ settings: SeasonSettings; configured: boolean }> {
    const hit = this.cached.get(festivalYear);
    if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
    const value = this.readSettings(festivalYear);
    this.cached.set(festivalYear, { at: Date.now(), value });
    value.catch(() => this.cached.delete(festivalYear));
    return value;
  }

  private async readSettings(festivalYear: number): Promise<{ settings: SeasonSettings; configured: boolean }> {
    const set = await this.repository.seasonOf(this.transactions.none, festivalYear);
    return set ? { settings: set, configured: true } : { settings: defaultSeason(festivalYear), configured: false };
  }

  async set(festivalYear: number, settings: SeasonSettings): Promise<void> {
    const problems = seasonProblems(settings);
    if (problems.length > 0) throw AppError.invalidField('season', 'INVALID_SEASON', { problems: problems.join('; ') });
    await this.transactions.run((tx) => this.repository.upsertSeason(tx, festivalYear, settings));
    this.cached.delete(festivalYear);
  }
}
