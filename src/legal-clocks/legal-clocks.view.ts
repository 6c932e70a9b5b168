import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatYuan } from '../common/money/money';
import { CRIMINAL_THRESHOLD_REASONS, CriminalThresholdReason } from './domain/criminal-threshold';
import { CASE_CONCLUSIONS, CLOCK_KINDS, CLOCK_STATES, CaseConclusion, ClockKind, ClockState, Deadline } from './domain/legal-clocks';

/** The additional compensation due for a labour-bureau order not paid by its date (Labour Contract Law art. 85). */
export class SurchargeView {
  @ApiProperty({ description: '50% of the amount due', example: '25000.00' })
  minimum: string;
  @ApiProperty({ description: '100% of the amount due', example: '50000.00' })
  maximum: string;
}

/** One legal clock: which deadline runs, when it falls due, and what missing it opens. */
export class DeadlineView {
  @ApiProperty({ enum: CLOCK_KINDS, enumName: 'ClockKind' })
  clock: ClockKind;
  @ApiProperty({ description: "'case', or the worker id or instalment id the clock belongs to", example: 'case' })
  subject: string;
  @ApiProperty({ format: 'date' })
  startedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null while the clock is not running' })
  dueOn: string | null;
  @ApiProperty({
    enum: CLOCK_STATES,
    enumName: 'ClockState',
    description:
      'running / due_today / overdue: still counts; satisfied: the step was taken or the money paid; ' +
      'not_running: not started; concluded: the case is closed, withdrawn or rejected (see concludedAs)',
  })
  state: ClockState;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Calendar days to dueOn, negative when overdue; null once satisfied, concluded or not running. ' +
      'A step taken late keeps the days it was late',
  })
  daysLeft: number | null;
  @ApiProperty({ description: 'The article of law', example: 'LDMAA art. 14' })
  basis: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'What missing the deadline opens to the workers',
    example: ['payment_order', 'arbitration'],
  })
  opens?: string[];
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'For counted periods: the nominal last day when it fell on a day off and was moved',
  })
  movedFrom?: string | null;
  @ApiPropertyOptional({
    description:
      'For counted periods: false when the holidays of the last day’s year are not in the data (weekends only); ' +
      'true when announced, or given provisionally by the regulation (see calendarProvisional)',
  })
  calendarCovered?: boolean;
  @ApiPropertyOptional({
    description:
      'For counted periods: true when the last day’s year has only the statutory festivals of the regulation, ' +
      'not yet the State Council’s schedule: an announced swap may still move the date',
  })
  calendarProvisional?: boolean;
  @ApiPropertyOptional({ type: SurchargeView, description: 'For a labour-bureau order not paid by its date' })
  surcharge?: SurchargeView;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Once the clock stopped: the day of the step taken, of the payment that settled it, or of the case’s conclusion',
  })
  endedOn?: string | null;
  @ApiPropertyOptional({ enum: CASE_CONCLUSIONS, enumName: 'CaseConclusion', description: "When the state is 'concluded': how the case ended" })
  concludedAs?: CaseConclusion;
}

/** A worker's limitation year (LDMAA art. 27). */
export class WorkerDeadlineView extends DeadlineView {
  @ApiProperty({ example: '张建国' })
  workerName: string;
}

export class CaseDeadlinesView {
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ example: 'SY-2026-00042' })
  caseNumber: string;
  @ApiProperty({ format: 'date', description: 'The day the clocks were computed for (Asia/Shanghai)' })
  today: string;
  @ApiProperty({ type: [DeadlineView], description: 'The clocks of the case that have started' })
  deadlines: DeadlineView[];
  @ApiProperty({ type: [WorkerDeadlineView], description: "Each worker's limitation year" })
  workers: WorkerDeadlineView[];
}

/** A deadline overdue or due soon, with its case. */
export class DueDeadlineView extends DeadlineView {
  @ApiProperty({ format: 'uuid' })
  caseId: string;
  @ApiProperty({ example: 'SY-2026-00042' })
  caseNumber: string;
  @ApiPropertyOptional({ description: "On a worker's limitation clock" })
  workerName?: string;
}

/** A province's amounts of the crime of refusing to pay wages (Criminal Law art. 276-1). */
export class CriminalThresholdView {
  @ApiProperty({ example: '北京市' })
  province: string;
  @ApiProperty({ description: "One worker owed three months' pay", example: '10000.00' })
  individualAmount: string;
  @ApiProperty({ description: 'Ten or more workers in total', example: '60000.00' })
  groupAmount: string;
  @ApiProperty({ description: 'Where the figures come from' })
  source: string;
}

/** Whether a case meets a province's criminal threshold: a finding for the lawyer to weigh. */
export class CaseCriminalThresholdView {
  @ApiProperty({ example: '北京市' })
  province: string;
  @ApiProperty({ example: '10000.00' })
  individualAmount: string;
  @ApiProperty({ example: '60000.00' })
  groupAmount: string;
  @ApiProperty({ description: 'A labour-bureau order to pay was not obeyed by its date' })
  governmentOrderIgnored: boolean;
  @ApiProperty()
  met: boolean;
  /** The amount tests met, and 'no_government_order' when the order element is missing. */
  @ApiProperty({ enum: CRIMINAL_THRESHOLD_REASONS, enumName: 'CriminalThresholdReason', isArray: true })
  reasons: CriminalThresholdReason[];
}


export function toDeadlineView<T extends Deadline>(deadline: T): Omit<T, 'surcharge'> & DeadlineView {
  const { surcharge, ...rest } = deadline;
  return {
    ...rest,
    ...(surcharge && { surcharge: { minimum: formatYuan(surcharge.minimumFen), maximum: formatYuan(surcharge.maximumFen) } }),
  };
}
