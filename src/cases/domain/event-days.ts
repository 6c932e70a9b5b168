/**
 * The day a thing happened on a case, as a clerk gives it: yesterday's session, last week's payment,
 * a whole season recorded after the fact. What cannot be true is refused with the field named, so
 * the figures, the clocks and the employer record never count a day that did not happen. Pure.
 */
import type { FieldProblem } from '../../common/errors/app-error';

/** What a day on a case is checked against. */
export interface CaseDays {
  /** The day the case was opened (受理). */
  intakeDate: string;
  /** Today in Asia/Shanghai, by the service's clock. */
  today: string;
}

/** A day on a case can be neither after today nor before the case was opened. */
export function eventDayProblems(field: string, day: string, days: CaseDays): FieldProblem[] {
  if (day > days.today) return [{ field, code: 'DATE_IN_FUTURE' }];
  if (day < days.intakeDate) return [{ field, code: 'BEFORE_INTAKE', params: { intakeDate: days.intakeDate } }];
  return [];
}

/**
 * The day of a status change: as any day on the case, and not before the change before it, so the
 * timeline of statuses reads in the order it happened (the mediation clock counts from the first entry).
 */
export function statusChangeDayProblems(field: string, day: string, days: CaseDays, lastChangeOn: string | null): FieldProblem[] {
  const problems = eventDayProblems(field, day, days);
  if (problems.length === 0 && lastChangeOn !== null && day < lastChangeOn) {
    problems.push({ field, code: 'BEFORE_LAST_STATUS_CHANGE', params: { day: lastChangeOn } });
  }
  return problems;
}

/**
 * The day a move the product makes by itself (an agreement signed, the first payout) takes effect:
 * the day of what triggered it, but never before the move before it — money paid while the case was
 * still being verified and recorded later starts the paying stage on the day mediation began, not
 * before it.
 */
export function automaticMoveDay(triggeredOn: string, lastChangeOn: string | null): string {
  return lastChangeOn !== null && lastChangeOn > triggeredOn ? lastChangeOn : triggeredOn;
}

/** The legal dates that follow each other in one procedure, in procedural order, with their names in words. */
export const LEGAL_STEPS = {
  arbitrationAppliedOn: { zh: '申请仲裁', en: 'the arbitration application' },
  arbitrationAcceptedOn: { zh: '仲裁受理', en: 'the arbitration acceptance' },
  arbitrationAwardedOn: { zh: '仲裁裁决', en: 'the arbitration award' },
  paymentOrderAppliedOn: { zh: '申请支付令', en: 'the payment-order application' },
  paymentOrderIssuedOn: { zh: '支付令签发', en: 'the issue of the payment order' },
  paymentOrderServedOn: { zh: '支付令送达', en: 'the service of the payment order' },
} as const;
export type LegalStep = keyof typeof LEGAL_STEPS;
const PROCEDURES: LegalStep[][] = [
  ['arbitrationAppliedOn', 'arbitrationAcceptedOn', 'arbitrationAwardedOn'],
  ['paymentOrderAppliedOn', 'paymentOrderIssuedOn', 'paymentOrderServedOn'],
];

/**
 * The legal dates a clerk records: each one that happened (not a deadline) is a day on the case, and
 * the steps of one procedure come in order (an arbitration is not accepted before it was applied for,
 * LDMAA art. 29-30). `given` is what the request sets (null clears), `stored` what the case has. A
 * problem is reported on a field the request sent: the later step when it was sent, else the earlier.
 */
export function legalDateProblems(
  given: Partial<Record<LegalStep, string | null>>,
  stored: Record<LegalStep, string | null>,
  days: CaseDays,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const step of Object.keys(LEGAL_STEPS) as LegalStep[]) {
    const day = given[step];
    if (day) problems.push(...eventDayProblems(step, day, days));
  }
  if (problems.length > 0) return problems;
  const merged = { ...stored };
  for (const step of Object.keys(LEGAL_STEPS) as LegalStep[]) {
    // a DTO carries every field, the ones not sent as undefined: only what was sent replaces the stored
    const sent = given[step];
    if (sent !== undefined) merged[step] = sent;
  }
  for (const procedure of PROCEDURES) {
    let earlier: LegalStep | null = null;
    for (const step of procedure) {
      const day = merged[step];
      if (!day) continue;
      if (earlier && day < merged[earlier]!) {
        const words = { earlierZh: LEGAL_STEPS[earlier].zh, earlierEn: LEGAL_STEPS[earlier].en };
        if (given[step] !== undefined) {
          problems.push({ field: step, code: 'BEFORE_EARLIER_STEP', params: { ...words, day: merged[earlier]! } });
        } else {
          const later = { laterZh: LEGAL_STEPS[step].zh, laterEn: LEGAL_STEPS[step].en };
          problems.push({ field: earlier, code: 'AFTER_LATER_STEP', params: { ...later, day } });
        }
      }
      earlier = step;
    }
  }
  return problems;
}
