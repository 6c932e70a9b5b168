import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Scope } from '../auth/domain/actor';
import { assertCaseVisible } from '../cases/case-lock.repository';
import { fen } from '../claims/claim-input';
import { CLAIM_BALANCES_SQL } from '../claims/claim-money.sql';
import { AppError } from '../common/errors/app-error';
import { fenFromDb, formatYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { HIGHEST_THRESHOLDS, LOWEST_THRESHOLDS, ProvinceThresholds, criminalThresholdCheck, monthsOwed } from './domain/criminal-threshold';
import { ThresholdDto } from './dto/legal-clocks.dto';
import type { CaseCriminalThresholdView, CriminalThresholdView } from './legal-clocks.view';

@Injectable()
export class CriminalThresholdsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CriminalThresholdView[]> {
    const rows: { province: string; individual_fen: string; group_fen: string; source: string }[] = await this.dataSource.query(
      `SELECT * FROM criminal_thresholds ORDER BY province`,
    );
    return rows.map((row) => ({
      province: row.province,
      individualAmount: formatYuan(fenFromDb(row.individual_fen)),
      groupAmount: formatYuan(fenFromDb(row.group_fen)),
      source: row.source,
    }));
  }

  async set(province: string, dto: ThresholdDto): Promise<void> {
    const individualFen = fen(dto.individualAmount);
    const groupFen = fen(dto.groupAmount);
    const problems = [];
    if (individualFen < LOWEST_THRESHOLDS.individualFen || individualFen > HIGHEST_THRESHOLDS.individualFen) {
      problems.push({ field: 'individualAmount', code: 'NOT_ONE_OF' as const, params: { allowed: '5000.00 - 20000.00' } });
    }
    if (groupFen < LOWEST_THRESHOLDS.groupFen || groupFen > HIGHEST_THRESHOLDS.groupFen) {
      problems.push({ field: 'groupAmount', code: 'NOT_ONE_OF' as const, params: { allowed: '30000.00 - 100000.00' } });
    }
    if (problems.length > 0) throw AppError.invalid(problems);
    await this.dataSource.transaction((manager) =>
      manager.query(
        `INSERT INTO criminal_thresholds (province, individual_fen, group_fen, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (province) DO UPDATE SET individual_fen = $2, group_fen = $3, source = $4, updated_at = now()`,
        [province, individualFen.toString(), groupFen.toString(), dto.source.trim()],
      ),
    );
  }

  /**
   * Whether the case meets the criminal threshold of Criminal Law art. 276-1 in the province: the
   * amounts per worker (months from the claimed period) and whether a labour-bureau order to pay
   * was ignored. A finding for the lawyer to weigh, never an automatic referral.
   */
  async checkCase(caseId: string, province: string, scope: Scope): Promise<CaseCriminalThresholdView> {
    await assertCaseVisible(this.dataSource.manager, caseId, scope);
    const [row] = await this.dataSource.query(`SELECT * FROM criminal_thresholds WHERE province = $1`, [province]);
    if (!row) throw AppError.invalidField('province', 'NOT_FOUND');
    const thresholds: ProvinceThresholds = { individualFen: fenFromDb(row.individual_fen), groupFen: fenFromDb(row.group_fen) };
    const workers: { outstanding_fen: string; period_start: string | null; period_end: string | null }[] = await this.dataSource.query(
      `SELECT b.outstanding_fen, c.period_start, c.period_end
         FROM (${CLAIM_BALANCES_SQL} WHERE c.case_id = $1) b JOIN claims c ON c.id = b.id`,
      [caseId],
    );
    const [order] = await this.dataSource.query(
      `SELECT bureau_order_pay_by, (status = 'closed' AND outcome = 'paid_in_full') AS paid FROM cases WHERE id = $1`,
      [caseId],
    );
    const governmentOrderIgnored = !!order.bureau_order_pay_by && order.bureau_order_pay_by < shanghaiDate(this.clock.now()) && !order.paid;
    const result = criminalThresholdCheck(
      {
        workers: workers.map((w) => ({ outstandingFen: fenFromDb(w.outstanding_fen), monthsOwed: monthsOwed(w.period_start, w.period_end) })),
        governmentOrderIgnored,
      },
      thresholds,
    );
    return {
      province,
      individualAmount: formatYuan(thresholds.individualFen),
      groupAmount: formatYuan(thresholds.groupFen),
      governmentOrderIgnored,
      ...result,
    };
  }
}
