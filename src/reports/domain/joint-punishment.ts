/**
 * Whether an employer's record meets the criteria for the list of employers subject to joint
 * punishment for wage arrears (拖欠农民工工资失信联合惩戒对象名单), Regulations on Ensuring Payment
 * of Wages to Migrant Workers art. 48, as the Ministry of Human Resources and Social Security's
 * interim measures of 2021 (拖欠农民工工资失信联合惩戒对象名单管理暂行办法) art. 5 spell them out:
 *   (1) wages withheld or delayed without cause reaching the amount of the crime of refusing to pay
 *       labour remuneration (Criminal Law art. 276-1, SPC interpretation 2013 art. 3);
 *   (2) arrears that caused a mass or extreme incident with a serious adverse social impact.
 * The tracker can establish (1) from its figures. It does not record incidents, so (2) is shown by
 * what points to it: a case the police took, or a large group left unpaid. The listing decision is the
 * labour bureau's; these flags tell the union which employers to raise with it.
 *
 * Pure: the caller passes each case's figures and the day to judge on.
 */
import { CriminalThresholdInput, ProvinceThresholds, criminalThresholdCheck } from '../../legal-clocks/domain/criminal-threshold';

export interface EmployerCaseRecord {
  caseNumber: string;
  intakeDate: string;
  status: string;
  referredTo: string | null;
  /** The labour bureau's pay-by date, when it ordered payment. */
  bureauOrderPayBy: string | null;
  paidInFull: boolean;
  workers: CriminalThresholdInput['workers'];
}

export type JointPunishmentCriterion =
  | 'criminal_amount'
  | 'order_ignored'
  | 'police_referral'
  | 'large_group_unpaid'
  | 'repeated_arrears';

export interface JointPunishmentFlag {
  criterion: JointPunishmentCriterion;
  met: boolean;
  /** Whether the flag is itself a listing criterion (art. 5) or only points to one. */
  listingCriterion: boolean;
  basis: string;
  caseNumbers: string[];
}

/** Ten workers: the size of a group case (LDMAA art. 7) and of the group test of the criminal amount. */
const LARGE_GROUP = 10;

export function jointPunishmentFlags(
  cases: readonly EmployerCaseRecord[],
  thresholds: ProvinceThresholds,
  today: string,
): { meetsListingCriteria: boolean; flags: JointPunishmentFlag[] } {
  const owing = cases.filter((record) => record.workers.some((worker) => worker.outstandingFen > 0n));
  const numbers = (records: readonly EmployerCaseRecord[]) => records.map((record) => record.caseNumber);

  const criminalAmount = owing.filter(
    (record) => criminalThresholdCheck({ workers: record.workers, governmentOrderIgnored: true }, thresholds).met,
  );
  const orderIgnored = cases.filter(
    (record) => record.bureauOrderPayBy !== null && record.bureauOrderPayBy < today && !record.paidInFull,
  );
  const police = cases.filter((record) => record.referredTo === 'police');
  const largeGroup = owing.filter(
    (record) => record.workers.filter((worker) => worker.outstandingFen > 0n).length >= LARGE_GROUP,
  );
  const seasonsWithArrears = new Set(cases.map((record) => campaignYear(record.intakeDate)));

  const flags: JointPunishmentFlag[] = [
    {
      criterion: 'criminal_amount',
      met: criminalAmount.length > 0,
      listingCriterion: true,
      basis: '拖欠农民工工资失信联合惩戒对象名单管理暂行办法 第五条第（一）项；刑法第276条之一',
      caseNumbers: numbers(criminalAmount),
    },
    {
      criterion: 'order_ignored',
      met: orderIgnored.length > 0,
      listingCriterion: false,
      basis: '劳动合同法第85条；拒不支付劳动报酬罪“经政府有关部门责令支付仍不支付”',
      caseNumbers: numbers(orderIgnored),
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
      caseNumbers: seasonsWithArrears.size >= 2 ? numbers(cases) : [],
    },
  ];
  return { meetsListingCriteria: flags.some((flag) => flag.listingCriterion && flag.met), flags };
}

/** The winter campaign a case belongs to, named by the calendar year it starts in (November on). */
function campaignYear(intakeDate: string): number {
  const [year, month] = intakeDate.split('-').map(Number);
  return month >= 11 ? year : year - 1;
}
