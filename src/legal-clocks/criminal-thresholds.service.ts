import { Injectable } from '@nestjs/common';
import { Scope } from '../auth/domain/actor';
import { assertCaseVisible } from '../cases/cases.repository';
import { fen } from '../claims/claim-input';
import { AppError } from '../common/errors/app-error';
import { fenFromDb, formatYuan } from '../common/money/money';
import { Clock } from '../common/time/clock';
import { shanghaiDate } from '../common/time/shanghai';
import { Transactions } from '../database/transactions';
import { HIGHEST_THRESHOLDS, LOWEST_THRESHOLDS, ProvinceThresholds, criminalThresholdCheck, monthsOwed } from './domain/criminal-threshold';
import { ThresholdDto } from './dto/legal-clocks.dto';
import { LegalClocksRepository } from './legal-clocks.repository';
import type { CaseCriminalThresholdView, CriminalThresholdView } from './legal-clocks.view';

@Injectable()
export class CriminalThresholdsService {
  constructor(
    private readonly clock: Clock,
    private readonly repository: LegalClocksRepository,
    private readonly transactions: Transactions,
  ) {}

  async list(): Promise<CriminalThresholdView[]> {
    const rows = await this.repository.criminalThresholds(this.transactions.none);
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
    await this.transactions.run((tx) => this.repository.upsertCriminalThreshold(tx, province, individualFen, groupFen, dto.source.trim()));
  }

  /**
   * Whether the case meets the criminal threshold of Criminal Law art. 276-1 in the province: the
   * amounts per worker (months from the claimed period) and whether a labour-bureau order to pay
   * was ignored. A finding for the lawyer to weigh, never an automatic referral.
   */
  async checkCase(caseId: string, province: string, scope: Scope): Promise<CaseCriminalThresholdView> {
    const tx = this.transactions.none;
    await assertCaseVisible(tx, caseId, scope);
    const row = await this.repository.criminalThresholdOf(tx, province);
    // Not a wrong question (the province is a real one) but figures nobody has entered yet: say where they go.
    if (!row) throw new AppError('CRIMINAL_THRESHOLD_NOT_ENTERED', { province, route: thresholdRoute(province) });
    const thresholds: ProvinceThresholds = { individualFen: fenFromDb(row.individual_fen), groupFen: fenFromDb(row.group_fen) };
    const workers = await this.repository.outstandingClaims(tx, caseId);
    const order = await this.repository.bureauOrderOf(tx, caseId);
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

/** Where an administrator enters a province's figures (LegalClocksController.setThreshold). */
function thresholdRoute(province: string): string {
  return `/criminal-thresholds/${province}`;
}
