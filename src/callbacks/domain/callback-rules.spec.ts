import { callbackRates } from '../../reports/domain/figures';
import { ruleDueWindow, ruleFiresOn } from '../../reminders/domain/reminder-policy';
import { answerProblems, assertAnswerable, assertAwaitingFollowUp, callbackAssignee, callbackDueOn } from './callback-rules';

describe('callbacks after closing', () => {
  it('are due the set number of calendar days after closing, across a month and a year', () => {
    expect(callbackDueOn('2027-01-28', 7)).toBe('2027-02-04');
    expect(callbackDueOn('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('go to the mediator, who knows the worker from the sessions, else the lawyer', () => {
    expect(callbackAssignee({ mediatorId: 'm', lawyerId: 'l' })).toBe('m');
    expect(callbackAssignee({ mediatorId: null, lawyerId: 'l' })).toBe('l');
    expect(callbackAssignee({ mediatorId: null, lawyerId: null })).toBeNull();
  });

  it('take a satisfaction from someone reached, and none from nobody', () => {
    const days = { closedOn: '2027-01-10', today: '2027-01-20' };
    expect(answerProblems({ reached: true, satisfaction: 'basically_satisfied', calledOn: '2027-01-17' }, days)).toEqual([]);
    expect(answerProblems({ reached: false, calledOn: '2027-01-17' }, days)).toEqual([]);
    expect(answerProblems({ reached: true, calledOn: '2027-01-17' }, days)).toEqual([{ field: 'satisfaction', code: 'REQUIRED' }]);
    expect(answerProblems({ reached: false, satisfaction: 'satisfied', calledOn: '2027-01-17' }, days)).toEqual([
      { field: 'satisfaction', code: 'NOT_WHEN_UNREACHED' },
    ]);
  });

  it('are made after the closing and not after today', () => {
    const days = { closedOn: '2027-01-10', today: '2027-01-20' };
    expect(answerProblems({ reached: false, calledOn: '2027-01-21' }, days)).toEqual([{ field: 'calledOn', code: 'DATE_IN_FUTURE' }]);
    expect(answerProblems({ reached: false, calledOn: '2027-01-09' }, days)).toEqual([
      { field: 'calledOn', code: 'BEFORE_CLOSING', params: { closedOn: '2027-01-10' } },
    ]);
    expect(answerProblems({ reached: false, calledOn: '2027-01-10' }, days)).toEqual([]);
  });

  it('are answered once, and followed up only when the worker was not satisfied and nobody followed up yet', () => {
    expect(() => assertAnswerable('open')).not.toThrow();
    expect(() => assertAnswerable('answered')).toThrow('CALLBACK_ALREADY_ANSWERED');
    expect(() => assertAnswerable('cancelled')).toThrow('CALLBACK_ALREADY_ANSWERED');
    expect(() => assertAwaitingFollowUp({ satisfaction: 'not_satisfied', followedUp: false })).not.toThrow();
    expect(() => assertAwaitingFollowUp({ satisfaction: 'not_satisfied', followedUp: true })).toThrow('CALLBACK_NOT_TO_FOLLOW_UP');
    expect(() => assertAwaitingFollowUp({ satisfaction: 'basically_satisfied', followedUp: false })).toThrow('CALLBACK_NOT_TO_FOLLOW_UP');
    expect(() => assertAwaitingFollowUp({ satisfaction: null, followedUp: false })).toThrow('CALLBACK_NOT_TO_FOLLOW_UP');
  });

  it('give 回访率 over the callbacks due and 满意率 over those reached, basically satisfied counting as satisfied', () => {
    // the 12351 line's yardstick: 116 due, 115 reached (99.14%); 97 satisfied, 15 basically, 3 not (97.39%)
    const counts = { due: 116, answered: 116, reached: 115, satisfied: 97, basicallySatisfied: 15, notSatisfied: 3 };
    expect(callbackRates(counts)).toEqual({ callbackRate: 0.9914, satisfactionRate: 0.9739 });
    expect(callbackRates({ due: 0, answered: 0, reached: 0, satisfied: 0, basicallySatisfied: 0, notSatisfied: 0 })).toEqual({
      callbackRate: null,
      satisfactionRate: null,
    });
  });

  it('remind leaders of a "not satisfied" answer on the days after it, never on the day itself', () => {
    const rule = { kind: 'callback_unsatisfied' as const, enabled: true, daysBefore: [1, 3, 7] };
    // daysLeft is negative after the date: one day after the answer is -1
    expect([0, -1, -2, -3, -7, -8].map((daysLeft) => ruleFiresOn(rule, daysLeft))).toEqual([false, true, false, true, true, false]);
    expect(ruleDueWindow(rule, '2027-01-20')).toEqual({ from: '2027-01-13', to: '2027-01-19' });
  });
});
