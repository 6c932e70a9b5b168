import { consultationTimeProblems, intakeFromConsultationProblems } from './consultation-time';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('when a consultation took place', () => {
  const now = at('2027-01-11T09:00:00');

  it('refuses a time later today or on a later day, saying what time it is now', () => {
    for (const consultedAt of ['2027-01-11T10:00:00', '2027-01-12T08:00:00']) {
      expect(consultationTimeProblems(at(consultedAt), now)).toEqual([
        { field: 'consultedAt', code: 'TIME_IN_FUTURE', params: { now: '2027-01-11 09:00' } },
      ]);
    }
  });

  it('accepts now, the past, and a clock up to five minutes ahead', () => {
    expect(consultationTimeProblems(now, now)).toEqual([]);
    expect(consultationTimeProblems(at('2026-12-30T16:00:00'), now)).toEqual([]);
    expect(consultationTimeProblems(at('2027-01-11T09:05:00'), now)).toEqual([]);
    expect(consultationTimeProblems(at('2027-01-11T09:05:01'), now)).toHaveLength(1);
  });

  it('never lets the clock tolerance date a consultation tomorrow', () => {
    const lateEvening = at('2027-01-11T23:58:00');
    expect(consultationTimeProblems(at('2027-01-11T23:59:30'), lateEvening)).toEqual([]);
    expect(consultationTimeProblems(at('2027-01-12T00:01:00'), lateEvening)).toHaveLength(1);
  });

  it("refuses a case taken in on a consultation's day that lies after today, naming the consultation's time", () => {
    expect(intakeFromConsultationProblems(at('2027-01-13T10:00:00'), '2027-01-11')).toEqual([
      { field: 'consultedAt', code: 'CONSULTATION_DATED_IN_FUTURE', params: { consultedAt: '2027-01-13 10:00' } },
    ]);
    expect(intakeFromConsultationProblems(at('2027-01-11T23:00:00'), '2027-01-11')).toEqual([]);
  });
});
