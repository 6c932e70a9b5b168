/**
 * The duty roster's rule: a lawyer is on duty at one service center a day. The database holds it for
 * good (duty_shifts_lawyer_day_key: a shift added by another request meanwhile still cannot double
 * book anyone); this is the same rule read over a whole request, so that every line that breaks it
 * is named at once instead of the first one the database meets.
 */
import type { FieldProblem } from '../../common/errors/app-error';

/** One line of a roster request: a lawyer, a day, and where (the service center's id). */
export interface ShiftLine {
  organisationId: string;
  lawyerId: string;
  day: string;
}

/** A shift already on the roster that the request does not replace. */
export interface ShiftOnDuty {
  lawyerId: string;
  day: string;
  /** The service center's name, for the clerk to know where */
  organisationName: string;
}

/** At most this many lines a request: a year of a center's roster with three lawyers a day. */
export const MAX_SHIFTS_PER_REQUEST = 1000;

/**
 * Each line that puts a lawyer on duty a second time that day: twice in the request (the later line
 * names the earlier one; at another center whose name `centerNames` knows, it names that center, as
 * the month grid's cells are not numbered), or on top of a shift already on the roster. `fieldOf(index)`
 * names the line's field as the request spells it; the problem is on its day, the thing to move.
 */
export function dutyClashes(
  lines: ShiftLine[],
  onDuty: ShiftOnDuty[],
  fieldOf: (index: number) => string,
  centerNames: ReadonlyMap<string, string> = new Map(),
): FieldProblem[] {
  const key = (lawyerId: string, day: string) => `${lawyerId} ${day}`;
  const existing = new Map(onDuty.map((shift) => [key(shift.lawyerId, shift.day), shift]));
  const firstLine = new Map<string, number>();
  const problems: FieldProblem[] = [];
  lines.forEach((line, index) => {
    const lawyerDay = key(line.lawyerId, line.day);
    const earlier = firstLine.get(lawyerDay);
    const already = existing.get(lawyerDay);
    const elsewhere = earlier === undefined ? undefined : lines[earlier].organisationId;
    if (earlier !== undefined && elsewhere !== line.organisationId && centerNames.has(elsewhere!)) {
      problems.push({
        row: index + 1,
        field: fieldOf(index),
        code: 'ALREADY_ON_DUTY',
        params: { day: line.day, organisation: centerNames.get(elsewhere!)! },
      });
    } else if (earlier !== undefined) {
      problems.push({ row: index + 1, field: fieldOf(index), code: 'DUPLICATE_IN_REQUEST', params: { other: earlier + 1 } });
    } else {
      firstLine.set(lawyerDay, index);
      if (already) {
        problems.push({
          row: index + 1,
          field: fieldOf(index),
          code: 'ALREADY_ON_DUTY',
          params: { day: line.day, organisation: already.organisationName },
        });
      }
    }
  });
  return problems;
}

/** The days a month ('YYYY-MM') runs from and to. */
export function monthDays(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}
