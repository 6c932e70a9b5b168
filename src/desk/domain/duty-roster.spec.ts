import { dutyClashes, monthDays, ShiftLine } from './duty-roster';

const CENTER = 'center-shunyi';
const OTHER = 'center-housha';
const field = (index: number) => `shifts.${index}.day`;

describe('the duty roster: one center a day per lawyer', () => {
  it('names a line that puts a lawyer on duty where he already is that day, and where', () => {
    const lines: ShiftLine[] = [
      { organisationId: OTHER, lawyerId: 'wang', day: '2027-04-01' },
      { organisationId: OTHER, lawyerId: 'wang', day: '2027-04-02' },
    ];
    const onDuty = [{ lawyerId: 'wang', day: '2027-04-02', organisationName: '顺义区职工服务中心' }];
    expect(dutyClashes(lines, onDuty, field)).toEqual([
      { row: 2, field: 'shifts.1.day', code: 'ALREADY_ON_DUTY', params: { day: '2027-04-02', organisation: '顺义区职工服务中心' } },
    ]);
  });

  it('names the later of two lines with the same lawyer and day, at any center, pointing to the earlier', () => {
    const lines: ShiftLine[] = [
      { organisationId: CENTER, lawyerId: 'li', day: '2027-04-03' },
      { organisationId: CENTER, lawyerId: 'wang', day: '2027-04-03' },
      { organisationId: OTHER, lawyerId: 'li', day: '2027-04-03' },
    ];
    expect(dutyClashes(lines, [], field)).toEqual([
      { row: 3, field: 'shifts.2.day', code: 'DUPLICATE_IN_REQUEST', params: { other: 1 } },
    ]);
  });

  it('names the other center of a lawyer put on duty at two centers of the month grid the same day', () => {
    const lines: ShiftLine[] = [
      { organisationId: CENTER, lawyerId: 'wang', day: '2027-04-03' },
      { organisationId: OTHER, lawyerId: 'wang', day: '2027-04-03' },
    ];
    const names = new Map([[CENTER, '顺义区职工服务中心']]);
    expect(dutyClashes(lines, [], field, names)).toEqual([
      { row: 2, field: 'shifts.1.day', code: 'ALREADY_ON_DUTY', params: { day: '2027-04-03', organisation: '顺义区职工服务中心' } },
    ]);
  });

  it('says a repeated line that is also on the roster already once of each: the first is on duty, the second a repeat', () => {
    const lines: ShiftLine[] = [
      { organisationId: CENTER, lawyerId: 'li', day: '2027-04-05' },
      { organisationId: CENTER, lawyerId: 'li', day: '2027-04-05' },
    ];
    const onDuty = [{ lawyerId: 'li', day: '2027-04-05', organisationName: '后沙峪职工服务站' }];
    expect(dutyClashes(lines, onDuty, field).map((problem) => [problem.row, problem.code])).toEqual([
      [1, 'ALREADY_ON_DUTY'],
      [2, 'DUPLICATE_IN_REQUEST'],
    ]);
  });

  it('lets two lawyers share a day, and one lawyer serve many days', () => {
    const lines: ShiftLine[] = ['2027-04-01', '2027-04-02'].flatMap((day) =>
      ['li', 'wang'].map((lawyerId) => ({ organisationId: CENTER, lawyerId, day })),
    );
    expect(dutyClashes(lines, [{ lawyerId: 'li', day: '2027-04-03', organisationName: '顺义区职工服务中心' }], field)).toEqual([]);
  });

  it('knows the first and last day of a month, February of a leap year included', () => {
    expect(monthDays('2027-02')).toEqual({ first: '2027-02-01', last: '2027-02-28' });
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2027-04')).toEqual({ first: '2027-04-01', last: '2027-04-30' });
    expect(monthDays('2027-12')).toEqual({ first: '2027-12-01', last: '2027-12-31' });
  });
});
