import { LOWEST_THRESHOLDS } from '../../legal-clocks/domain/criminal-threshold';
import { EmployerCaseRecord, jointPunishmentFlags } from './joint-punishment';

const TODAY = '2026-12-20';

function record(overrides: Partial<EmployerCaseRecord> & { owed?: bigint[]; months?: number }): EmployerCaseRecord {
  const { owed = [100_000n], months = 4, ...rest } = overrides;
  return {
    caseNumber: 'SY-2026-00001',
    role: 'employer',
    intakeDate: '2026-11-10',
    status: 'mediating',
    referredTo: null,
    bureauOrderPayBy: null,
    paidInFull: false,
    workers: owed.map((outstandingFen) => ({ outstandingFen, monthsOwed: months })),
    ...rest,
  };
}

const flag = (result: ReturnType<typeof jointPunishmentFlags>, criterion: string) => result.flags.find((f) => f.criterion === criterion)!;

describe('joint-punishment flags (interim measures of 2021, art. 5)', () => {
  it('lists an employer that ignored the bureau order and owes ten workers the group amount across two cases', () => {
    // 6 + 4 workers at 3,000 yuan each: 30,000 yuan in total, the lowest group figure; no one worker reaches 5,000
    const result = jointPunishmentFlags(
      [
        record({ caseNumber: 'SY-2026-00001', owed: Array(6).fill(300_000n), bureauOrderPayBy: '2026-12-15' }),
        record({ caseNumber: 'SY-2026-00002', owed: Array(4).fill(300_000n) }),
      ],
      LOWEST_THRESHOLDS,
      TODAY,
    );
    expect(result.meetsListingCriteria).toBe(true);
    expect(flag(result, 'criminal_amount')).toMatchObject({ met: true, caseNumbers: ['SY-2026-00001', 'SY-2026-00002'] });
    expect(flag(result, 'order_ignored')).toMatchObject({ met: true, caseNumbers: ['SY-2026-00001'] });
  });

  it('does not list on the amount alone: the order to pay by a date must have been ignored', () => {
    const noOrder = jointPunishmentFlags([record({ owed: [600_000n], months: 3 })], LOWEST_THRESHOLDS, TODAY);
    expect(flag(noOrder, 'criminal_amount').met).toBe(true);
    expect(noOrder.meetsListingCriteria).toBe(false);

    const notYetDue = jointPunishmentFlags([record({ owed: [600_000n], months: 3, bureauOrderPayBy: TODAY })], LOWEST_THRESHOLDS, TODAY);
    expect(flag(notYetDue, 'order_ignored').met).toBe(false);
    expect(notYetDue.meetsListingCriteria).toBe(false);

    const paid = jointPunishmentFlags(
      [record({ owed: [600_000n], months: 3, bureauOrderPayBy: '2026-12-01', paidInFull: true })],
      LOWEST_THRESHOLDS,
      TODAY,
    );
    expect(paid.meetsListingCriteria).toBe(false);
  });

  it('needs three months owed for the individual amount', () => {
    const twoMonths = jointPunishmentFlags([record({ owed: [900_000n], months: 2, bureauOrderPayBy: '2026-12-01' })], LOWEST_THRESHOLDS, TODAY);
    expect(twoMonths.meetsListingCriteria).toBe(false);
    const threeMonths = jointPunishmentFlags([record({ owed: [500_000n], months: 3, bureauOrderPayBy: '2026-12-01' })], LOWEST_THRESHOLDS, TODAY);
    expect(threeMonths.meetsListingCriteria).toBe(true);
  });

  it('counts only cases the employer owes directly and that were accepted', () => {
    const asOwner = jointPunishmentFlags(
      [record({ role: 'project_owner', owed: [900_000n], bureauOrderPayBy: '2026-12-01' })],
      LOWEST_THRESHOLDS,
      TODAY,
    );
    expect(flag(asOwner, 'criminal_amount').met).toBe(false);
    const rejected = jointPunishmentFlags(
      [
        record({ status: 'rejected', intakeDate: '2024-12-01' }),
        record({ status: 'withdrawn', intakeDate: '2025-12-01', referredTo: 'police' }),
        record({ intakeDate: '2026-11-10' }),
      ],
      LOWEST_THRESHOLDS,
      TODAY,
    );
    expect(flag(rejected, 'repeated_arrears').met).toBe(false);
    expect(flag(rejected, 'police_referral').met).toBe(false);
  });

  it('points to a possible mass incident: a police referral, ten or more workers unpaid in one case, arrears in two seasons', () => {
    const result = jointPunishmentFlags(
      [
        record({ caseNumber: 'A', referredTo: 'police', status: 'referred', intakeDate: '2025-01-10' }),
        record({ caseNumber: 'B', owed: Array(10).fill(1_000n), intakeDate: '2026-11-10' }),
      ],
      LOWEST_THRESHOLDS,
      TODAY,
    );
    expect(flag(result, 'police_referral')).toMatchObject({ met: true, listingCriterion: false, caseNumbers: ['A'] });
    expect(flag(result, 'large_group_unpaid')).toMatchObject({ met: true, caseNumbers: ['B'] });
    // 2025-01 belongs to the 2024-25 campaign, 2026-11 to the 2026-27 one
    expect(flag(result, 'repeated_arrears')).toMatchObject({ met: true, caseNumbers: ['A', 'B'] });
    expect(result.meetsListingCriteria).toBe(false);
  });
});
