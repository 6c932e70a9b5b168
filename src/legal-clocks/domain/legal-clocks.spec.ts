import { WorkingCalendar } from '../../calendar/domain/working-calendar';
import fc from 'fast-check';
import { CaseFacts, caseDeadlines, daysTheClocksHold, Deadline, isRunning, labourBureauSurcharge, WorkerFacts, workerLimitation } from './legal-clocks';
import { addDays } from '../../common/time/calendar-days';
import { HOLIDAYS_2026 } from '../../calendar/domain/testing/holidays-2026';


const calendar = new WorkingCalendar(HOLIDAYS_2026);

/** A case where nothing has happened yet. */
const NOTHING_YET: CaseFacts = {
  mediationAppliedOn: null,
  mediationEndedOn: null,
  arbitrationAppliedOn: null,
  arbitrationAcceptedOn: null,
  arbitrationExtended: false,
  arbitrationAwardedOn: null,
  paymentOrderAppliedOn: null,
  paymentOrderIssuedOn: null,
  paymentOrderServedOn: null,
  labourBureauOrder: null,
  instalments: [],
};

function caseWith(facts: Partial<CaseFacts>): CaseFacts {
  return { ...NOTHING_YET, ...facts };
}

/** The one deadline of that kind (and subject) the case has; fails the test when there is none. */
function clockOf(deadlines: Deadline[], clock: Deadline['clock'], subject = 'case'): Deadline {
  const found = deadlines.find((deadline) => deadline.clock === clock && deadline.subject === subject);
  if (!found) throw new Error(`no ${clock} clock for ${subject} in ${JSON.stringify(deadlines.map((d) => d.clock))}`);
  return found;
}

/** A worker of a construction crew whose wages for the last months were not paid. */
const WANG: WorkerFacts = {
  workerId: 'worker-wang',
  knewOn: '2026-01-05',
  employmentEndedOn: null,
  employmentOngoing: true,
  interruptions: [],
};

describe('caseDeadlines', () => {
  it('has no clocks for a case where nothing has started', () => {
    expect(caseDeadlines(NOTHING_YET, '2026-03-02', calendar)).toEqual([]);
  });

  describe('mediation (LDMAA art. 14)', () => {
    // Applied on Monday 2 February 2026: day 15 is 17 February, inside the Spring Festival break.
    const mediating = caseWith({ mediationAppliedOn: '2026-02-02' });

    it('runs to the first working day after the Spring Festival when day 15 falls in the break', () => {
      expect(caseDeadlines(mediating, '2026-02-10', calendar)).toEqual([
        {
          clock: 'mediation',
          subject: 'case',
          startedOn: '2026-02-02',
          dueOn: '2026-02-24',
          state: 'running',
          daysLeft: 14,
          basis: 'LDMAA art. 14',
          opens: ['arbitration'],
          movedFrom: '2026-02-17',
          calendarCovered: true,
          calendarProvisional: false,
        },
      ]);
    });

    it('is due today on its last day', () => {
      const clock = clockOf(caseDeadlines(mediating, '2026-02-24', calendar), 'mediation');
      expect(clock).toMatchObject({ state: 'due_today', daysLeft: 0 });
    });

    it('is overdue the day after, which opens arbitration', () => {
      const clock = clockOf(caseDeadlines(mediating, '2026-02-25', calendar), 'mediation');
      expect(clock).toMatchObject({ state: 'overdue', daysLeft: -1, opens: ['arbitration'] });
    });

    it('is satisfied once an agreement is signed, and shows no countdown', () => {
      const agreed = caseWith({ mediationAppliedOn: '2026-02-02', mediationEndedOn: '2026-02-12' });
      const clock = clockOf(caseDeadlines(agreed, '2026-03-02', calendar), 'mediation');
      expect(clock).toMatchObject({ state: 'satisfied', daysLeft: null, dueOn: '2026-02-24' });
    });

    it('is satisfied on the day the worker applies for arbitration, the step the period opens', () => {
      const toArbitration = caseWith({ mediationAppliedOn: '2026-02-02', arbitrationAppliedOn: '2026-02-26' });
      const clock = clockOf(caseDeadlines(toArbitration, '2026-03-02', calendar), 'mediation');
      expect(clock).toMatchObject({ state: 'satisfied', daysLeft: null, endedOn: '2026-02-26' });
    });

    it('replayed as of a day before the agreement, is still running', () => {
      const agreed = caseWith({ mediationAppliedOn: '2026-02-02', mediationEndedOn: '2026-02-12' });
      const clock = clockOf(caseDeadlines(agreed, '2026-02-11', calendar), 'mediation');
      expect(clock).toMatchObject({ state: 'running', daysLeft: 13 });
    });
  });

  describe('arbitration (LDMAA arts. 29 and 43)', () => {
    it('gives the commission 5 days from the application to decide on acceptance', () => {
      // Applied on Thursday 12 March: day 5 is Tuesday 17 March.
      const applied = caseWith({ arbitrationAppliedOn: '2026-03-12' });
      expect(clockOf(caseDeadlines(applied, '2026-03-16', calendar), 'arbitration_acceptance')).toEqual({
        clock: 'arbitration_acceptance',
        subject: 'case',
        startedOn: '2026-03-12',
        dueOn: '2026-03-17',
        state: 'running',
        daysLeft: 1,
        basis: 'LDMAA art. 29',
        opens: ['litigation'],
        movedFrom: null,
        calendarCovered: true,
        calendarProvisional: false,
      });
    });

    it('satisfies the acceptance clock and starts the 45-day award clock once accepted', () => {
      const accepted = caseWith({ arbitrationAppliedOn: '2026-07-29', arbitrationAcceptedOn: '2026-08-03' });
      const deadlines = caseDeadlines(accepted, '2026-09-01', calendar);
      expect(clockOf(deadlines, 'arbitration_acceptance').state).toBe('satisfied');
      expect(clockOf(deadlines, 'arbitration_award')).toMatchObject({
        startedOn: '2026-08-03',
        dueOn: '2026-09-17',
        state: 'running',
        daysLeft: 16,
        basis: 'LDMAA art. 43',
        movedFrom: null,
      });
    });

    it('extends the award period once by 15 days, moved past the National Day break', () => {
      // 45 + 15 = 60 days from Monday 3 August end on Friday 2 October, inside the break (1-7 October).
      const extended = caseWith({ arbitrationAcceptedOn: '2026-08-03', arbitrationExtended: true });
      expect(clockOf(caseDeadlines(extended, '2026-09-18', calendar), 'arbitration_award')).toMatchObject({
        dueOn: '2026-10-08',
        movedFrom: '2026-10-02',
        state: 'running',
        daysLeft: 20,
      });
    });

    it('takes an award as the acceptance nobody recorded: the 5 days stop counting', () => {
      const awarded = caseWith({ arbitrationAppliedOn: '2026-07-29', arbitrationAwardedOn: '2026-09-10' });
      expect(clockOf(caseDeadlines(awarded, '2026-09-30', calendar), 'arbitration_acceptance')).toMatchObject({
        state: 'satisfied',
        daysLeft: null,
        endedOn: '2026-09-10',
      });
    });

    it('is satisfied once the award is made', () => {
      const awarded = caseWith({ arbitrationAcceptedOn: '2026-08-03', arbitrationAwardedOn: '2026-09-10' });
      expect(clockOf(caseDeadlines(awarded, '2026-09-30', calendar), 'arbitration_award').state).toBe('satisfied');
    });
  });

  describe('instalments of a mediation agreement (LDMAA arts. 15-16)', () => {
    // Due on Sunday 15 March: a date fixed in the agreement, not moved to Monday.
    const instalment = { id: 'instalment-1', dueOn: '2026-03-15', amountFen: 3_000_000n, paidFen: 0n, paidInFullOn: null };
    const instalmentClock = (deadlines: Deadline[]) => clockOf(deadlines, 'instalment', 'instalment-1');

    it('is due today on its due date, even on a Sunday', () => {
      const clock = instalmentClock(caseDeadlines(caseWith({ instalments: [instalment] }), '2026-03-15', calendar));
      expect(clock).toMatchObject({ dueOn: '2026-03-15', state: 'due_today', daysLeft: 0 });
    });

    it('is overdue the day after its due date, which opens a payment order or arbitration', () => {
      const deadlines = caseDeadlines(caseWith({ instalments: [instalment] }), '2026-03-16', calendar);
      expect(deadlines).toEqual([
        {
          clock: 'instalment',
          subject: 'instalment-1',
          startedOn: '2026-03-15',
          dueOn: '2026-03-15',
          state: 'overdue',
          daysLeft: -1,
          basis: 'LDMAA arts. 15-16',
          opens: ['payment_order', 'arbitration'],
        },
      ]);
    });

    it('stays overdue when only part of it was paid', () => {
      const partly = { ...instalment, paidFen: 2_000_000n };
      const clock = instalmentClock(caseDeadlines(caseWith({ instalments: [partly] }), '2026-03-16', calendar));
      expect(clock.state).toBe('overdue');
    });

    it('is satisfied when paid in full', () => {
      const paid = { ...instalment, paidFen: 3_000_000n, paidInFullOn: '2026-03-14' };
      const clock = instalmentClock(caseDeadlines(caseWith({ instalments: [paid] }), '2026-03-16', calendar));
      expect(clock).toMatchObject({ state: 'satisfied', daysLeft: null, endedOn: '2026-03-14' });
    });
  });

  describe('payment order (Civil Procedure Law arts. 226-227)', () => {
    it('assumes acceptance on the last day of the 5 days and counts the 15 days to issue from there', () => {
      // Applied on Monday 6 July: day 5 is Saturday 11 July → Monday 13 July; 15 days more end on 28 July.
      const deadlines = caseDeadlines(caseWith({ paymentOrderAppliedOn: '2026-07-06' }), '2026-07-08', calendar);
      expect(clockOf(deadlines, 'payment_order_acceptance')).toMatchObject({
        dueOn: '2026-07-13',
        movedFrom: '2026-07-11',
        state: 'running',
        basis: 'Civil Procedure Law art. 226',
      });
      expect(clockOf(deadlines, 'payment_order_issue')).toMatchObject({
        startedOn: '2026-07-13',
        dueOn: '2026-07-28',
        state: 'running',
        basis: 'Civil Procedure Law art. 227',
      });
    });

    it('counts the 15 days to issue from the recorded acceptance', () => {
      const accepted = caseWith({ paymentOrderAppliedOn: '2026-07-06', paymentOrderAcceptedOn: '2026-07-08' });
      const deadlines = caseDeadlines(accepted, '2026-07-09', calendar);
      expect(clockOf(deadlines, 'payment_order_acceptance').state).toBe('satisfied');
      expect(clockOf(deadlines, 'payment_order_issue')).toMatchObject({ startedOn: '2026-07-08', dueOn: '2026-07-23' });
    });

    it('gives the employer 15 days from service to pay or object, after which enforcement opens', () => {
      const served = caseWith({
        paymentOrderAppliedOn: '2026-07-06',
        paymentOrderIssuedOn: '2026-07-20',
        paymentOrderServedOn: '2026-08-03',
      });
      const deadlines = caseDeadlines(served, '2026-08-19', calendar);
      expect(clockOf(deadlines, 'payment_order_issue').state).toBe('satisfied');
      expect(clockOf(deadlines, 'payment_order_objection')).toMatchObject({
        dueOn: '2026-08-18',
        state: 'overdue',
        daysLeft: -1,
        opens: ['enforcement'],
      });
    });
  });

  describe('a concluded case', () => {
    // Mediation from Monday 2 February 2026 (due 24 February); withdrawn on 12 February.
    const withdrawn = caseWith({
      mediationAppliedOn: '2026-02-02',
      instalments: [{ id: 'instalment-1', dueOn: '2026-02-10', amountFen: 500_000n, paidFen: 500_000n, paidInFullOn: '2026-02-09' }],
      concluded: { on: '2026-02-12', as: 'withdrawn' },
    });

    it('stops counting a clock still waiting, and says the case concluded and how', () => {
      expect(clockOf(caseDeadlines(withdrawn, '2026-12-04', calendar), 'mediation')).toEqual({
        clock: 'mediation',
        subject: 'case',
        startedOn: '2026-02-02',
        dueOn: '2026-02-24',
        state: 'concluded',
        daysLeft: null,
        basis: 'LDMAA art. 14',
        opens: ['arbitration'],
        movedFrom: '2026-02-17',
        calendarCovered: true,
        calendarProvisional: false,
        endedOn: '2026-02-12',
        concludedAs: 'withdrawn',
      });
    });

    it('keeps a clock whose step was taken satisfied', () => {
      const clock = clockOf(caseDeadlines(withdrawn, '2026-12-04', calendar), 'instalment', 'instalment-1');
      expect(clock).toMatchObject({ state: 'satisfied', endedOn: '2026-02-09' });
    });

    it('replayed as of a day before the conclusion, still counts down', () => {
      expect(clockOf(caseDeadlines(withdrawn, '2026-02-11', calendar), 'mediation')).toMatchObject({ state: 'running', daysLeft: 13 });
    });

    it('stops an unpaid instalment of a case closed partly paid', () => {
      const partly = caseWith({
        instalments: [{ id: 'instalment-2', dueOn: '2026-03-15', amountFen: 500_000n, paidFen: 0n, paidInFullOn: null }],
        concluded: { on: '2026-03-20', as: 'partly_paid' },
      });
      expect(clockOf(caseDeadlines(partly, '2026-06-01', calendar), 'instalment', 'instalment-2')).toMatchObject({
        state: 'concluded',
        daysLeft: null,
        endedOn: '2026-03-20',
        concludedAs: 'partly_paid',
      });
    });
  });

  describe('labour-bureau order to pay (Labour Contract Law art. 85)', () => {
    const order = { orderedPayBy: '2026-11-20', amountDueFen: 123_457n, paidInFullOn: null };

    it('is overdue the day after the ordered date and carries the 50%-100% surcharge', () => {
      const clock = clockOf(caseDeadlines(caseWith({ labourBureauOrder: order }), '2026-11-21', calendar), 'labour_bureau_order');
      expect(clock).toMatchObject({
        dueOn: '2026-11-20',
        state: 'overdue',
        daysLeft: -1,
        basis: 'Labour Contract Law art. 85',
        surcharge: { minimumFen: 61_729n, maximumFen: 123_457n },
      });
    });

    it('is satisfied without a surcharge when paid by the ordered date', () => {
      const paid = { ...order, paidInFullOn: '2026-11-19' };
      const clock = clockOf(caseDeadlines(caseWith({ labourBureauOrder: paid }), '2026-11-25', calendar), 'labour_bureau_order');
      expect(clock.state).toBe('satisfied');
      expect(clock.surcharge).toBeUndefined();
    });

    it('keeps the surcharge when paid in full but after the ordered date', () => {
      const late = { ...order, paidInFullOn: '2026-11-23' };
      const clock = clockOf(caseDeadlines(caseWith({ labourBureauOrder: late }), '2026-11-25', calendar), 'labour_bureau_order');
      expect(clock).toMatchObject({ state: 'satisfied', surcharge: { minimumFen: 61_729n, maximumFen: 123_457n } });
    });
  });
});

describe('labourBureauSurcharge', () => {
  it('rounds the half fen of 50% of 1,234.57 yuan up, to 617.29 yuan, and caps at the full amount', () => {
    expect(labourBureauSurcharge(123_457n)).toEqual({ minimumFen: 61_729n, maximumFen: 123_457n });
  });

  it('is exactly half of an even number of fen', () => {
    expect(labourBureauSurcharge(1_200_000_000n)).toEqual({ minimumFen: 600_000_000n, maximumFen: 1_200_000_000n });
  });

  it('refuses a negative amount due', () => {
    expect(() => labourBureauSurcharge(-1n)).toThrow(RangeError);
  });
});

describe('workerLimitation (LDMAA art. 27)', () => {
  it('does not run while the employment continues', () => {
    expect(workerLimitation(WANG, '2026-06-01', calendar)).toEqual({
      clock: 'limitation',
      subject: 'worker-wang',
      startedOn: '2026-01-05',
      dueOn: null,
      state: 'not_running',
      daysLeft: null,
      basis: 'LDMAA art. 27 para. 4',
    });
  });

  it('does not run before an announced end of employment is reached', () => {
    const leaving = { ...WANG, employmentOngoing: false, employmentEndedOn: '2026-03-31' };
    expect(workerLimitation(leaving, '2026-03-20', calendar).state).toBe('not_running');
  });

  it('starts one year from the end when the employment ends in the middle of the dispute', () => {
    expect(workerLimitation(WANG, '2026-03-20', calendar).state).toBe('not_running');
    const ended = { ...WANG, employmentOngoing: false, employmentEndedOn: '2026-03-31' };
    expect(workerLimitation(ended, '2026-04-01', calendar)).toEqual({
      clock: 'limitation',
      subject: 'worker-wang',
      startedOn: '2026-03-31',
      dueOn: '2027-03-31',
      state: 'running',
      daysLeft: 364,
      basis: 'LDMAA art. 27 para. 4',
      movedFrom: null,
      calendarCovered: false,
      calendarProvisional: false,
    });
  });

  it('restarts the year at each of two interruptions after the end of employment', () => {
    const ended = {
      ...WANG,
      employmentOngoing: false,
      employmentEndedOn: '2026-01-10',
      // Claimed from the employer by phone, then sought help at the union's service center.
      interruptions: ['2026-07-15', '2026-03-02'],
    };
    expect(workerLimitation(ended, '2026-02-01', calendar)).toMatchObject({ startedOn: '2026-01-10', dueOn: '2027-01-11' });
    expect(workerLimitation(ended, '2026-05-01', calendar)).toMatchObject({ startedOn: '2026-03-02', dueOn: '2027-03-02' });
    expect(workerLimitation(ended, '2026-08-01', calendar)).toMatchObject({
      startedOn: '2026-07-15',
      dueOn: '2027-07-15',
      state: 'running',
    });
  });

  it('is not revived by a claim made after the year has run out', () => {
    // Ended Friday 10 January 2025; day 365 is Saturday 10 January 2026 → Monday 12 January.
    const late = { ...WANG, employmentOngoing: false, employmentEndedOn: '2025-01-10', interruptions: ['2026-02-02'] };
    expect(workerLimitation(late, '2026-02-03', calendar)).toMatchObject({
      startedOn: '2025-01-10',
      dueOn: '2026-01-12',
      movedFrom: '2026-01-10',
      state: 'overdue',
      daysLeft: -22,
    });
  });

  it('runs one year from when the worker knew when no employment end is on record', () => {
    const noEmployment = { ...WANG, knewOn: '2026-03-02', employmentOngoing: false };
    expect(workerLimitation(noEmployment, '2026-03-03', calendar)).toMatchObject({
      startedOn: '2026-03-02',
      dueOn: '2027-03-02',
      basis: 'LDMAA art. 27',
    });
  });

  it('is satisfied once the worker applies for arbitration in time', () => {
    const filed = { ...WANG, employmentOngoing: false, employmentEndedOn: '2026-03-31', arbitrationAppliedOn: '2026-05-08' };
    expect(workerLimitation(filed, '2026-06-01', calendar)).toMatchObject({ state: 'satisfied', daysLeft: null, endedOn: '2026-05-08' });
  });

  it('stays overdue when he applied after the year ran out, by the days he was late, which no longer grow', () => {
    // Ended Friday 10 January 2025: the year ran to Monday 12 January 2026; he applied on 2 February, 21 days late.
    const late = { ...WANG, employmentOngoing: false, employmentEndedOn: '2025-01-10', arbitrationAppliedOn: '2026-02-02' };
    for (const today of ['2026-02-03', '2026-12-04']) {
      expect(workerLimitation(late, today, calendar)).toMatchObject({ state: 'overdue', daysLeft: -21, endedOn: '2026-02-02' });
    }
  });

  describe('a worker paid in full', () => {
    // A greening worker of the 2019 season: left on 31 December 2018, came to the union on 15 January 2019.
    const paid2019: WorkerFacts = {
      workerId: 'worker-2019',
      knewOn: '2018-12-31',
      employmentEndedOn: '2018-12-31',
      employmentOngoing: false,
      interruptions: ['2019-01-15'],
      balance: { paidFen: 1_714_779n, outstandingFen: 0n, lastPaidOn: '2019-02-03' },
      caseConcluded: { on: '2019-02-03', as: 'paid_in_full' },
    };

    it('has his limitation satisfied on the day of his last payment, seen years later on the closed case', () => {
      expect(workerLimitation(paid2019, '2026-12-04', calendar)).toEqual({
        clock: 'limitation',
        subject: 'worker-2019',
        startedOn: '2019-01-15',
        dueOn: '2020-01-15',
        state: 'satisfied',
        daysLeft: null,
        basis: 'LDMAA art. 27 para. 4',
        movedFrom: null,
        calendarCovered: false,
        calendarProvisional: false,
        endedOn: '2019-02-03',
      });
    });

    it('is satisfied on an open case too, and also while his employment continues', () => {
      const open = { ...paid2019, caseConcluded: null };
      expect(workerLimitation(open, '2020-03-01', calendar)).toMatchObject({ state: 'satisfied', daysLeft: null, endedOn: '2019-02-03' });
      const employed = { ...open, employmentOngoing: true };
      expect(workerLimitation(employed, '2020-03-01', calendar)).toMatchObject({ state: 'satisfied', dueOn: null, endedOn: '2019-02-03' });
    });

    it('counts the claimed amount while nothing is confirmed: paid all he claimed is paid in full', () => {
      // The balance is the claims' own: outstanding = claimed − paid while unconfirmed.
      const unconfirmed = { ...paid2019, caseConcluded: null, balance: { paidFen: 900_000n, outstandingFen: 0n, lastPaidOn: '2019-02-02' } };
      expect(workerLimitation(unconfirmed, '2019-06-01', calendar)).toMatchObject({ state: 'satisfied', endedOn: '2019-02-02' });
    });

    it('still counts down for a worker paid only in part on an open case', () => {
      const partly = { ...paid2019, caseConcluded: null, balance: { paidFen: 1_000_000n, outstandingFen: 714_779n, lastPaidOn: '2019-02-03' } };
      expect(workerLimitation(partly, '2019-06-01', calendar)).toMatchObject({ state: 'running', dueOn: '2020-01-15', daysLeft: 228 });
    });

    it('says concluded, not overdue, for a worker paid only in part once the case is closed', () => {
      const partly = {
        ...paid2019,
        balance: { paidFen: 1_000_000n, outstandingFen: 714_779n, lastPaidOn: '2019-02-03' },
        caseConcluded: { on: '2019-02-20', as: 'partly_paid' as const },
      };
      expect(workerLimitation(partly, '2026-12-04', calendar)).toMatchObject({
        state: 'concluded',
        daysLeft: null,
        dueOn: '2020-01-15',
        endedOn: '2019-02-20',
        concludedAs: 'partly_paid',
      });
    });

    it('is not paid in full by a payment dated after the day asked about', () => {
      const later = { ...paid2019, caseConcluded: null, balance: { paidFen: 1_714_779n, outstandingFen: 0n, lastPaidOn: '2019-03-01' } };
      expect(workerLimitation(later, '2019-02-20', calendar).state).toBe('running');
    });
  });
});

describe('the days the clocks hold for (daysTheClocksHold)', () => {
  it('runs from the latest fact dated by the day up to the first one dated after it', () => {
    expect(daysTheClocksHold(['2026-11-02', '2026-12-01', '2026-10-05', '2027-02-01', '2026-12-20'], '2026-12-04')).toEqual({ from: '2026-12-01', until: '2026-12-20' });
    expect(daysTheClocksHold(['2026-12-04'], '2026-12-04')).toEqual({ from: '2026-12-04', until: null });
    expect(daysTheClocksHold(['2026-12-05'], '2026-12-04')).toEqual({ from: null, until: '2026-12-05' });
    expect(daysTheClocksHold([], '2026-12-04')).toEqual({ from: null, until: null });
  });

  /** Every calendar day inside a value, however deep: what a caller of daysTheClocksHold hands it. */
  const datesOf = (value: unknown): string[] =>
    typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? [value] : []) : value !== null && typeof value === 'object' ? Object.values(value).flatMap(datesOf) : [];
  const running = (deadlines: Deadline[]) => deadlines.map((deadline) => (isRunning(deadline) ? `${deadline.clock}/${deadline.subject}/${deadline.dueOn}` : '-'));

  it('gives the same running deadlines, with the same days due, on every day it names, whatever the facts', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-09-01', n));
    const maybe = fc.option(day, { nil: null });
    const caseFacts: fc.Arbitrary<CaseFacts> = fc.record({
      mediationAppliedOn: maybe,
      mediationEndedOn: maybe,
      arbitrationAppliedOn: maybe,
      arbitrationAcceptedOn: maybe,
      arbitrationExtended: fc.boolean(),
      arbitrationAwardedOn: maybe,
      paymentOrderAppliedOn: maybe,
      paymentOrderAcceptedOn: maybe,
      paymentOrderIssuedOn: maybe,
      paymentOrderServedOn: maybe,
      paymentOrderAnsweredOn: maybe,
      labourBureauOrder: fc.option(fc.record({ orderedPayBy: day, amountDueFen: fc.constant(100_00n), paidInFullOn: maybe }), { nil: null }),
      instalments: fc.array(
        fc.record({ id: fc.uuid(), dueOn: day, amountFen: fc.constant(100_00n), paidFen: fc.constantFrom(0n, 50_00n, 100_00n), paidInFullOn: maybe }),
        { maxLength: 3 },
      ),
      concluded: fc.option(fc.record({ on: day, as: fc.constantFrom('paid_in_full' as const, 'partly_paid' as const, 'withdrawn' as const, 'rejected' as const) }), { nil: null }),
    });
    const workerFacts = (concluded: CaseFacts['concluded'], arbitrationAppliedOn: string | null): fc.Arbitrary<WorkerFacts> =>
      fc.record({
        workerId: fc.uuid(),
        knewOn: day,
        employmentEndedOn: maybe,
        employmentOngoing: fc.boolean(),
        interruptions: fc.array(day, { maxLength: 3 }),
        arbitrationAppliedOn: fc.constant(arbitrationAppliedOn),
        balance: fc.record({ paidFen: fc.constantFrom(0n, 100_00n), outstandingFen: fc.constantFrom(0n, 100_00n), lastPaidOn: maybe }),
        caseConcluded: fc.constant(concluded ?? null),
      });
    const scenario = caseFacts.chain((facts) =>
      fc.record({ facts: fc.constant(facts), workers: fc.array(workerFacts(facts.concluded, facts.arbitrationAppliedOn), { maxLength: 3 }), today: day, other: day }),
    );
    fc.assert(
      fc.property(scenario, ({ facts, workers, today, other }) => {
        const holds = daysTheClocksHold(datesOf([facts, workers]), today);
        fc.pre((holds.from === null || other >= holds.from) && (holds.until === null || other < holds.until));
        const clocksOn = (on: string) => running([...caseDeadlines(facts, on, calendar), ...workers.map((worker) => workerLimitation(worker, on, calendar))]);
        expect(clocksOn(other)).toEqual(clocksOn(today));
      }),
      { numRuns: 2_000 },
    );
  });
});
