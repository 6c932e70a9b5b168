/**
 * Whether an employer's record meets the test for the list of employers subject to joint punishment
 * for wage arrears (拖欠农民工工资失信联合惩戒对象名单), Regulations on Ensuring Payment of Wages to
 * Migrant Workers art. 48, as the Ministry of Human Resources and Social Security's interim measures of
 * 2021 (拖欠农民工工资失信联合惩戒对象名单管理暂行办法, order no. 45) art. 5 spell it out: the labour
 * bureau ordered the employer to pay by a date, the employer did not (经…责令限期支付工资，逾期未支付),
 * and either
 *   (1) the wages withheld or delayed reach the amount of the crime of refusing to pay labour
 *       remuneration (Criminal Law art. 276-1, SPC interpretation 2013 art. 3: one worker owed three
 *       months or more, or ten workers or more in total — 数额累计, so across the employer's cases), or
 *   (2) the arrears caused a mass or extreme incident with a serious adverse social impact.
 * The tracker can establish the order and (1) from its records. It does not record incidents, so (2)
 * is shown by what points to it: a case the police took, a large group left unpaid. Only cases the
 * employer owes directly count (not those where it is only the owner or general contractor), and only
 * cases that were accepted. The listing decision is the labour bureau's; these flags tell the union
 * which employers to raise with it.
 *
 * Pure: the caller passes each case's figures and the day to judge on.
 */
import { CriminalThresholdInput, ProvinceThresholds, criminalThresholdCheck } from '../../legal-clocks/domain/criminal-threshold';

export interface EmployerCaseRecord {
  caseNumber: string;
  /** The employer's role in the case's subcontracting chain. */
  role: string;
  intakeDate: string;
  status: string;
  referredTo: string | null;
  /** The labour bureau's pay-by date, when it ordered payment. */
  bureauOrderPayBy: string | null;
  paidInFull: boolean;
  /** The case's workers; those paid in full count for nothing, so a caller may leave them out. */
  workers: CriminalThresholdInput['workers'];
}

export const JOINT_PUNISHMENT_CRITERIA = [
  'criminal_amount',
  'order_ignored',
  'police_referral',
  'large_group_unpaid',
  'repeated_arrears',
] as const;
export type JointPunishmentCriterion = (typeof JOINT_PUNISHMENT_CRITERIA)[number];

export interface JointPunishmentFlag {
  criterion: JointPunishmentCriterion;
  met: boolean;
  /** Part of the listing test of art. 5 (the ignored order, the criminal amount), or only pointing to it. */
  listingCriterion: boolean;
  basis: string;
  caseNumbers: string[];
}

/** Ten workers: the size of a group case (LDMAA art. 7) and of the group test of the criminal amount. */
const LARGE_GROUP = 10;

/** Roles in which the employer itself owes the wages (not only answers for them as owner or contractor). */
const OWING_ROLES = new Set(['employer', 'individual_contractor', 'labour_subcontractor', 'subcontractor']);

export function jointPunishmentFlags(
  cases: readonly EmployerCaseRecord[],
  thresholds: ProvinceThresholds,
  today: string,
): { meetsListingCriteria: boolean; flags: JointPunishmentFlag[] } {
  const accepted = cases.filter((record) => record.status !== 'rejected' && record.status !== 'withdrawn');
  const owedWorkers = (record: EmployerCaseRecord) => record.workers.filter((worker) => worker.outstandingFen > 0n);
  const owing = accepted.filter((record) => OWING_ROLES.has(record.role) && owedWorkers(record).length > 0);
  const numbers = (records: readonly EmployerCaseRecord[]) => records.map((record) => record.caseNumber);

  const criminalAmountMet =
    owing.length > 0 &&
    criminalThresholdCheck({ workers: owing.flatMap(owedWorkers), governmentOrderIgnored: true }, thresholds).met;
  const orderIgnored = accepted.filter(
    (record) => record.bureauOrderPayBy !== null && record.bureauOrderPayBy < today && !record.paidInFull,
  );
  const police = accepted.filter((record) => record.referredTo === 'police');
  const largeGroup = owing.filter((record) => owedWorkers(record).length >= LARGE_GROUP);
  const seasonsWithArrears = new Set(accepted.map((record) => campaignYear(record.intakeDate)));

  const flags: JointPunishmentFlag[] = [
    {
      criterion: 'order_ignored',
      met: orderIgnored.length > 0,
      listingCriterion: true,
      basis: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条“经人力资源社会保障行政部门依法责令限期支付工资，逾期未支付”',
      caseNumbers: numbers(orderIgnored),
    },
    {
      criterion: 'criminal_amount',
      met: criminalAmountMet,
      listingCriterion: true,
      basis: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条第（一）项；刑法第276条之一；最高人民法院2013年解释第三条',
      caseNumbers: criminalAmountMet ? numbers(owing) : [],
    },
    {
      criterion: 'police_referral',
      met: police.length > 0,
      listingCriterion: false,
      basis: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条第（二）项（线索）',
      caseNumbers: numbers(police),
    },
    {
      criterion: 'large_group_unpaid',
      met: largeGroup.length > 0,
      listingCriterion: false,
      basis: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条第（二）项（线索）；劳动争议调解仲裁法第7条',
      caseNumbers: numbers(largeGroup),
    },
    {
      criterion: 'repeated_arrears',
      met: seasonsWithArrears.size >= 2,
      listingCriterion: false,
      basis: '保障农民工工资支付条例第48条“情节严重”（线索）',
      caseNumbers: seasonsWithArrears.size >= 2 ? numbers(accepted) : [],
    },
  ];
  // art. 5: the order ignored, and situation (1) — (2) is not in the records, so it is never assumed
  return { meetsListingCriteria: orderIgnored.length > 0 && criminalAmountMet, flags };
}

/** The winter campaign a case belongs to, named by the calendar year it starts in (November on). */
function campaignYear(intakeDate: string): number {
  const [year, month] = intakeDate.split('-').map(Number);
  return month >= 11 ? year : year - 1;
}
