import { cellsOf, daysOfMonth, lawyersFor, linesOf, problemsByCenter, problemsByDay, sameCells, shiftMonth, withDay } from './duty-grid';

describe('the duty roster grid', () => {
  it('knows the months and their days', () => {
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(daysOfMonth('2027-02')).toHaveLength(28);
    expect(daysOfMonth('2028-02').at(-1)).toBe('2028-02-29');
  });

  it('turns the roster into cells and back into the lines of the request, day by day', () => {
    const cells = cellsOf([
      { day: '2027-01-12', lawyerId: 'chen' },
      { day: '2027-01-11', lawyerId: 'wang' },
      { day: '2027-01-11', lawyerId: 'chen' },
    ]);
    expect(cells).toEqual({ '2027-01-12': ['chen'], '2027-01-11': ['wang', 'chen'] });
    expect(linesOf(cells)).toEqual([
      { day: '2027-01-11', lawyerId: 'wang' },
      { day: '2027-01-11', lawyerId: 'chen' },
      { day: '2027-01-12', lawyerId: 'chen' },
    ]);
  });

  it('sees a change, and no change when only the order within a day differs', () => {
    const saved = { '2027-01-11': ['wang', 'chen'] };
    expect(sameCells(saved, { '2027-01-11': ['chen', 'wang'] })).toBe(true);
    expect(sameCells(saved, withDay(saved, '2027-01-11', ['wang']))).toBe(false);
    expect(withDay(saved, '2027-01-11', [])).toEqual({});
  });

  it("puts the API's problems at the cells of their lines, naming the lawyer", () => {
    const lines = linesOf({ '2027-01-11': ['wang', 'chen'], '2027-01-12': ['chen'] });
    const names: Record<string, string> = { wang: '王律师', chen: '陈律师' };
    expect(
      problemsByDay(
        lines,
        [
          { field: 'shifts.2.day', message: '该律师 2027-01-12 已在"通州服务站"值班' },
          { message: '请求有误' },
        ],
        (id) => names[id],
      ),
    ).toEqual({ '2027-01-12': ['陈律师：该律师 2027-01-12 已在"通州服务站"值班'], '': ['请求有误'] });
  });

  it("puts the problems of several centers' months sent at once at the cells of their centers", () => {
    const names: Record<string, string> = { wang: '王律师', chen: '陈律师' };
    const sent = [
      { centerId: 'east', lines: linesOf({ '2027-01-11': ['wang'] }) },
      { centerId: 'west', lines: linesOf({ '2027-01-11': ['chen'], '2027-01-12': ['wang'] }) },
    ];
    expect(
      problemsByCenter(
        sent,
        [
          { field: 'rosters.1.shifts.1.day', message: '不在 2027-01 月内' },
          { field: 'rosters.0.organisationId', message: '找不到该记录' },
          { field: 'month', message: '格式不对' },
        ],
        (id) => names[id],
      ),
    ).toEqual({ west: { '2027-01-12': ['王律师：不在 2027-01 月内'] }, east: { '': ['找不到该记录'] }, '': { '': ['格式不对'] } });
  });

  it('offers a center the active lawyers of it and of the organisations above it', () => {
    const parents: Record<string, string | null> = { center: 'district', district: 'city', city: null, other: 'city' };
    const lawyer = (id: string, organisationId: string, active = true) => ({ id, organisationId, active, lawyerProfile: { active: true } });
    const offered = lawyersFor('center', [lawyer('a', 'district'), lawyer('b', 'other'), lawyer('c', 'center', false), lawyer('d', 'city')], (id) => parents[id]);
    expect(offered.map((l) => l.id)).toEqual(['a', 'd']);
  });
});
