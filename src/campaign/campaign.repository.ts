import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { SeasonSettings } from './domain/season';

/** The `seasons` table: each winter campaign's window and targets as administrators set them. */
@Injectable()
export class CampaignRepository {
  /** The season of a Spring Festival's year as set, or null when nobody has set it. */
  async seasonOf(tx: Tx, festivalYear: number): Promise<SeasonSettings | null> {
    const [row]: { starts_on: string; ends_on: string; targets: SeasonSettings['targets'] }[] = await tx.query(
      `SELECT starts_on::text, ends_on::text, targets FROM seasons WHERE festival_year = $1`,
      [festivalYear],
    );
    return row ? { startsOn: row.starts_on, endsOn: row.ends_on, targets: row.targets } : null;
  }

  /** Sets (or replaces) a season's window and targets. */
  async upsertSeason(tx: Tx, festivalYear: number, settings: SeasonSettings): Promise<void> {
    await tx.query(
      `INSERT INTO seasons (festival_year, starts_on, ends_on, targets) VALUES ($1, $2, $3, $4)
       ON CONFLICT (festival_year) DO UPDATE SET starts_on = $2, ends_on = $3, targets = $4, updated_at = now()`,
      [festivalYear, settings.startsOn, settings.endsOn, JSON.stringify(settings.targets)],
    );
  }
}
