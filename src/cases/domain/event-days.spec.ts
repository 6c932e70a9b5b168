import { automaticMoveDay, eventDayProblems, legalDateProblems, statusChangeDayProblems } from './event-days';

const DAYS = { intakeDate: '2019-01-08', today: '2026-12-04' };
const NOTHING_STORED = {
  arbitrationAppliedOn: null,
  arbitrationAcceptedOn: null,
  arbitrationAwardedOn: null,
  paymentOrderAppliedOn: null,
  paymentOrderIssuedOn: null,
  paymentOrderServedOn: null,
};

describe('eventDayProblems: a day on a case', () => {
  it('accepts the 2019 pay day of a case opened in January 2019, recorded in December 2026', () => {
    expect(eventDayProblems('paidOn', '2019-02-02', DAYS)).toEqual([]);
  });

  it('accepts the intake day itself and today', () => {
    expect(eventDayProblems('paidOn', '2019-01-08', DAYS)).toEqual([]);
    expect(eventDayProblems('paidOn', '2026-12-04', DAYS)).toEqual([]);
  });

  it('refuses tomorrow', () => {
    expect(eventDayProblems('paidOn', '2026-12-05', DAYS)).toEqual([{ field: 'paidOn', code: 'DATE_IN_FUTURE' }]);
  });

  it('refuses a payout years before the case was opened, naming the intake day', () => {
    expect(eventDayProblems('paidOn', '2016-05-01', DAYS)).toEqual([
      { field: 'paidOn', code: 'BEFORE_INTAKE', params: { intakeDate: '2019-01-08' } },
    ]);
  });
});

describe('statusChangeDayProblems: the day of a move', () => {
  it('accepts a move on the day of the previous one', () => {
    expect(statusChangeDayProblems('on', '2019-01-20', DAYS, '2019-01-20')).toEqual([]);
  });

  it('refuses a move before the previous one, naming its day', () => {
    expect(statusChangeDayProblems('on', '2019-01-19', DAYS, '2019-01-20')).toEqual([
      { field: 'on', code: 'BEFORE_LAST_STATUS_CHANGE', params: { day: '2019-01-20' } },
    ]);
  });

  it('says only what is most wrong: a day in the future is not also compared with the last move', () => {
    expect(statusChangeDayProblems('on', '2027-01-01', DAYS, '2019-01-20')).toEqual([{ field: 'on', code: 'DATE_IN_FUTURE' }]);
  });
});

describe('automaticMoveDay', () => {
  it('is the day of what triggered it', () => {
    expect(automaticMoveDay('2019-01-31', '2019-01-20')).toBe('2019-01-31');
  });

  it('is never before the move before it (money paid while verifying, recorded once in mediation)', () => {
    expect(automaticMoveDay('2019-01-15', '2019-01-20')).toBe('2019-01-20');
  });
});

describe('legalDateProblems: steps of one procedure', () => {
  it('refuses an arbitration accepted before it was applied for, on the field sent', () => {
    const problems = legalDateProblems({ arbitrationAppliedOn: '2019-03-10', arbitrationAcceptedOn: '2019-03-05' }, NOTHING_STORED, DAYS);
    expect(problems).toEqual([
      {
        field: 'arbitrationAcceptedOn',
        code: 'BEFORE_EARLIER_STEP',
        params: { earlierZh: '申请仲裁', earlierEn: 'the arbitration application', day: '2019-03-10' },
      },
    ]);
  });

  it('checks a new step against the steps already recorded', () => {
    const stored = { ...NOTHING_STORED, arbitrationAppliedOn: '2019-03-10' };
    expect(legalDateProblems({ arbitrationAcceptedOn: '2019-03-05' }, stored, DAYS)[0]).toMatchObject({
      field: 'arbitrationAcceptedOn',
      code: 'BEFORE_EARLIER_STEP',
    });
  });

  it('blames the earlier step when only it was sent and it falls after a recorded later one', () => {
    const stored = { ...NOTHING_STORED, arbitrationAcceptedOn: '2019-03-05' };
    expect(legalDateProblems({ arbitrationAppliedOn: '2019-03-10' }, stored, DAYS)).toEqual([
      {
        field: 'arbitrationAppliedOn',
        code: 'AFTER_LATER_STEP',
        params: { laterZh: '仲裁受理', laterEn: 'the arbitration acceptance', day: '2019-03-05' },
      },
    ]);
  });

  it('refuses an acceptance in the future and one before the case was opened', () => {
    expect(legalDateProblems({ arbitrationAcceptedOn: '2026-12-10' }, NOTHING_STORED, DAYS)).toEqual([
      { field: 'arbitrationAcceptedOn', code: 'DATE_IN_FUTURE' },
    ]);
    expect(legalDateProblems({ paymentOrderAppliedOn: '2018-12-31' }, NOTHING_STORED, DAYS)).toEqual([
      { field: 'paymentOrderAppliedOn', code: 'BEFORE_INTAKE', params: { intakeDate: '2019-01-08' } },
    ]);
  });

  it('accepts steps in order, and clearing a step', () => {
    const stored = { ...NOTHING_STORED, arbitrationAppliedOn: '2019-03-10' };
    expect(legalDateProblems({ arbitrationAcceptedOn: '2019-03-12', arbitrationAwardedOn: '2019-05-01' }, stored, DAYS)).toEqual([]);
    expect(legalDateProblems({ arbitrationAppliedOn: null }, { ...stored, arbitrationAcceptedOn: '2019-03-12' }, DAYS)).toEqual([]);
  });
});
