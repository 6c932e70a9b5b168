/**
 * When a consultation took place. A consultation is logged during or after it, so its time cannot
 * lie ahead of the service's clock; and a case opened from it takes its day as the intake day.
 */
import type { FieldProblem } from '../../common/errors/app-error';
import { shanghaiDate, shanghaiMinute } from '../../common/time/shanghai';

/** A phone or a desktop whose clock runs a few minutes ahead is not refused for it. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * A consultation time later than now (beyond the tolerance), or on a later Shanghai day (so that the
 * tolerance never dates one tomorrow), is refused at its field.
 */
export function consultationTimeProblems(consultedAt: Date, now: Date): FieldProblem[] {
  const ahead = consultedAt.getTime() > now.getTime() + CLOCK_TOLERANCE_MS || shanghaiDate(consultedAt) > shanghaiDate(now);
  return ahead ? [{ field: 'consultedAt', code: 'TIME_IN_FUTURE', params: { now: shanghaiMinute(now) } }] : [];
}

/**
 * A case opened from a consultation is taken in on the consultation's day, which must not lie after
 * today. Consultations logged before the rule above may; the problem names the consultation's time,
 * the one thing behind the intake day, since the request opening the case sent no date at all.
 */
export function intakeFromConsultationProblems(consultedAt: Date, today: string): FieldProblem[] {
  return shanghaiDate(consultedAt) > today
    ? [{ field: 'consultedAt', code: 'CONSULTATION_DATED_IN_FUTURE', params: { consultedAt: shanghaiMinute(consultedAt) } }]
    : [];
}
