import { addDays, compare } from '../../common/time/calendar-days';
import {
  caseRecipients,
  CountdownReminder,
  DEFAULT_RULES,
  deadlineReminders,
  digestReminders,
  DueReminder,
  FestivalCase,
  festivalReminders,
  festivalWorklists,
  REMINDER_KINDS,
  ReminderKind,
  ReminderRule,
  reminderKey,
  RULE_RECIPIENTS,
  ruleDueWindow,
  ruleFiresOn,
  ruleFor,
  ruleProblems,
  urgencyOf,
} from './reminder-policy';
import { defaultSeason } from '../../campaign/domain/season';
import { festivalEve } from '../../campaign/domain/spring-festival';

const EVE_2027 = festivalEve(2027); // 2027-02-05
const SEASON_2027 = defaultSeason(2027);
const FESTIVAL_RULE = ruleFor(DEFAULT_RULES, 'festival_countdown');

/** Every day from `first` to `last`, both included. */
function days(first: string, last: string): string[] {
  const all: string[] = [];
  for (let day = first; compare(day, last) <= 0; day = addDays(day, 1)) all.push(day);
  return all;
}

/** From a week before the season to a week after the festival, so nothing outside the window slips in. */
const WHOLE_WINTER = days(addDays(SEASON_2027.startsOn, -7), addDays(EVE_2027, 8));

function festivalSeason(casesOn: (day: string) => FestivalCase[]): CountdownReminder[] {
  return WHOLE_WINTER.flatMap((today) => festivalReminders({ today, eve: EVE_2027, rule: FESTIVAL_RULE, worklists: festivalWorklists(casesOn(today)) }));
}

function summary(reminders: DueReminder[]): string[] {
  return reminders.map((r) => `${r.dueOn} ${r.subject} ${r.recipientId} ${r.urgency}`);
}

function rule(kind: ReminderKind): ReminderRule {
  return ruleFor(DEFAULT_RULES, kind);
}

const OWING: FestivalCase = { caseId: 'case-1', lawyerId: 'lawyer-1', mediatorId: 'mediator-1', outstandingFen: 3_600_000n };

describe('festivalWorklists', () => {
  it("lists each person's owing cases, the most owed first, as lawyer or as mediator, and none paid in full", () => {
    const cases: FestivalCase[] = [
      { caseId: 'case-a', lawyerId: 'lawyer-1', mediatorId: 'mediator-1', outstandingFen: 100n },
      { caseId: 'case-b', lawyerId: 'lawyer-2', mediatorId: 'lawyer-1', outstandingFen: 9_000n },
      { caseId: 'case-c', lawyerId: 'lawyer-1', mediatorId: null, outstandingFen: 0n },
      { caseId: 'case-d', lawyerId: 'lawyer-1', mediatorId: 'lawyer-1', outstandingFen: 100n },
    ];
    const lists = festivalWorklists(cases);
    expect(Object.fromEntries([...lists].map(([person, list]) => [person, list.map((c) => c.caseId)]))).toEqual({
      // equal amounts in the order of their ids; a case he is both lawyer and mediator of, once
      'lawyer-1': ['case-b', 'case-a', 'case-d'],
      'mediator-1': ['case-a'],
      'lawyer-2': ['case-b'],
    });
  });
});

describe('DEFAULT_RULES', () => {
  it('has exactly one enabled rule for every kind, with the agreed days', () => {
    expect(Object.fromEntries(DEFAULT_RULES.map((r) => [r.kind, r.enabled ? r.daysBefore : 'disabled']))).toEqual({
      festival_countdown: [30, 14, 7, 3, 1],
      leader_digest: [],
      mediation_limit: [3, 1, 0],
      instalment_due: [1, 0],
      instalment_overdue: [],
      session_tomorrow: [1],
      arbitration_deadline: [7, 3, 1, 0],
      limitation_deadline: [7, 3, 1, 0],
      callback_due: [1, 0],
      callback_unsatisfied: [1, 3, 7],
      worker_report_overdue: [],
    });
    expect(DEFAULT_RULES).toHaveLength(11);
  });

  it('passes its own validation', () => {
    expect(DEFAULT_RULES.flatMap(ruleProblems)).toEqual([]);
  });
});

describe('festivalReminders over the 2027 season', () => {
  it('reminds lawyer and mediator of an owing case exactly 30, 14, 7, 3 and 1 days before the eve, each about his own cases', () => {
    expect(summary(festivalSeason(() => [OWING]))).toEqual([
      '2027-01-06 lawyer-1 lawyer-1 info',
      '2027-01-06 mediator-1 mediator-1 info',
      '2027-01-22 lawyer-1 lawyer-1 info',
      '2027-01-22 mediator-1 mediator-1 info',
      '2027-01-29 lawyer-1 lawyer-1 warning',
      '2027-01-29 mediator-1 mediator-1 warning',
      '2027-02-02 lawyer-1 lawyer-1 warning',
      '2027-02-02 mediator-1 mediator-1 warning',
      '2027-02-04 lawyer-1 lawyer-1 urgent',
      '2027-02-04 mediator-1 mediator-1 urgent',
    ]);
  });

  it('sends nothing for a case paid in full', () => {
    expect(festivalSeason(() => [{ ...OWING, outstandingFen: 0n }])).toEqual([]);
  });

  it('stops reminding a case paid in full mid-season', () => {
    const paidOn = '2027-01-25';
    const reminders = festivalSeason((today) => [{ ...OWING, outstandingFen: compare(today, paidOn) < 0 ? 3_600_000n : 0n }]);
    expect([...new Set(reminders.map((r) => r.dueOn))]).toEqual(['2027-01-06', '2027-01-22']);
  });

  it('reminds only the mediator when no lawyer is assigned', () => {
    const reminders = festivalSeason(() => [{ ...OWING, lawyerId: null }]);
    expect(new Set(reminders.map((r) => r.recipientId))).toEqual(new Set(['mediator-1']));
    expect(reminders).toHaveLength(5);
  });

  it('reminds once per day a person who is both lawyer and mediator of the case', () => {
    const reminders = festivalSeason(() => [{ ...OWING, mediatorId: 'lawyer-1' }]);
    expect(reminders.map((r) => r.dueOn)).toEqual(['2027-01-06', '2027-01-22', '2027-01-29', '2027-02-02', '2027-02-04']);
  });

  it('reminds each person once a day however many owing cases he has, and leaves out those whose cases are paid', () => {
    const cases: FestivalCase[] = [
      OWING,
      { caseId: 'case-2', lawyerId: 'lawyer-2', mediatorId: 'mediator-1', outstandingFen: 1n },
      { caseId: 'case-3', lawyerId: 'lawyer-1', mediatorId: 'mediator-1', outstandingFen: 500n },
      { caseId: 'case-4', lawyerId: 'lawyer-3', mediatorId: 'lawyer-1', outstandingFen: 0n },
    ];
    const onTheDay = festivalReminders({ today: '2027-02-04', eve: EVE_2027, rule: FESTIVAL_RULE, worklists: festivalWorklists(cases) });
    expect(onTheDay.map((r) => `${r.subject} ${r.recipientId}`)).toEqual(['lawyer-1 lawyer-1', 'mediator-1 mediator-1', 'lawyer-2 lawyer-2']);
  });

  it('carries the eve and the days left for the message', () => {
    const [first] = festivalReminders({ today: '2027-01-29', eve: EVE_2027, rule: FESTIVAL_RULE, worklists: festivalWorklists([OWING]) });
    expect(first).toEqual({
      kind: 'festival_countdown',
      subject: 'lawyer-1',
      dueOn: '2027-01-29',
      recipientId: 'lawyer-1',
      urgency: 'warning',
      targetOn: '2027-02-05',
      daysLeft: 7,
    });
  });

  it('sends nothing when an administrator disables the rule', () => {
    const disabled = { ...FESTIVAL_RULE, enabled: false };
    expect(festivalReminders({ today: '2027-02-04', eve: EVE_2027, rule: disabled, worklists: festivalWorklists([OWING]) })).toEqual([]);
  });

  it('follows edited days', () => {
    const edited = { ...FESTIVAL_RULE, daysBefore: [10, 2] };
    const reminders = WHOLE_WINTER.flatMap((today) => festivalReminders({ today, eve: EVE_2027, rule: edited, worklists: festivalWorklists([OWING]) }));
    expect([...new Set(reminders.map((r) => r.dueOn))]).toEqual(['2027-01-26', '2027-02-03']);
  });

  it('refuses a rule of another kind', () => {
    expect(() => festivalReminders({ today: '2027-02-04', eve: EVE_2027, rule: rule('mediation_limit'), worklists: festivalWorklists([OWING]) })).toThrow(
      RangeError,
    );
  });
});

describe('reminderKey', () => {
  const reminder: DueReminder = {
    kind: 'festival_countdown',
    subject: 'case-1',
    dueOn: '2027-01-06',
    recipientId: 'lawyer-1',
    urgency: 'info',
  };

  it('is made of kind, subject, due date and recipient', () => {
    expect(reminderKey(reminder)).toBe('festival_countdown:case-1:2027-01-06:lawyer-1');
  });

  it('is the same however many times a sweep recomputes the same day', () => {
    const run = () => festivalReminders({ today: '2027-01-29', eve: EVE_2027, rule: FESTIVAL_RULE, worklists: festivalWorklists([OWING]) }).map(reminderKey);
    expect(run()).toEqual(run());
  });

  it('ignores the urgency, which is not part of the identity', () => {
    expect(reminderKey({ ...reminder, urgency: 'urgent' })).toBe(reminderKey(reminder));
  });

  it('is distinct for every reminder of a whole season of several cases and people', () => {
    const cases: FestivalCase[] = [OWING, { ...OWING, caseId: 'case-2' }, { ...OWING, caseId: 'case-3', lawyerId: 'lawyer-3' }];
    const keys = festivalSeason(() => cases).map(reminderKey);
    // three people (lawyer-1, lawyer-3, mediator-1) on five days
    expect(keys).toHaveLength(3 * 5);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is distinct for each of kind, subject, due date and recipient', () => {
    const keys = [
      reminder,
      { ...reminder, kind: 'mediation_limit' as const },
      { ...reminder, subject: 'case-2' },
      { ...reminder, dueOn: '2027-01-07' },
      { ...reminder, recipientId: 'mediator-1' },
    ].map(reminderKey);
    expect(new Set(keys).size).toBe(5);
  });

  it('cannot be forged by a separator inside an id', () => {
    const a = reminderKey({ ...reminder, subject: 'a:b', recipientId: 'c' });
    const b = reminderKey({ ...reminder, subject: 'a', recipientId: 'b:c' });
    expect(a).not.toBe(b);
  });
});

describe('urgencyOf', () => {
  it.each([
    [30, 'info'],
    [8, 'info'],
    [7, 'warning'],
    [2, 'warning'],
    [1, 'urgent'],
    [0, 'urgent'],
    [-3, 'urgent'],
  ])('calls %i days left %s', (daysLeft, urgency) => {
    expect(urgencyOf(daysLeft)).toBe(urgency);
  });
});

describe('ruleFiresOn', () => {
  it('fires a countdown rule only on its listed days', () => {
    expect([8, 7, 6, 3, 1, 0, -1].filter((d) => ruleFiresOn(rule('arbitration_deadline'), d))).toEqual([7, 3, 1, 0]);
  });

  it('fires an overdue rule with listed days only that many days after the date', () => {
    const weekly = { ...rule('instalment_overdue'), daysBefore: [1, 7] };
    expect([1, 0, -1, -2, -7, -8].filter((d) => ruleFiresOn(weekly, d))).toEqual([-1, -7]);
  });
});

describe('ruleDueWindow', () => {
  const today = '2026-12-05';
  const withinWindow = (window: { from: string | null; to: string | null } | null, day: string) =>
    window !== null && (window.from === null || day >= window.from) && (window.to === null || day <= window.to);

  it('holds every date the rule fires for on the day, and says where the rule stops', () => {
    const cases: [ReminderRule, { from: string | null; to: string | null } | null][] = [
      [rule('arbitration_deadline'), { from: '2026-12-05', to: '2026-12-12' }],
      [rule('instalment_due'), { from: '2026-12-05', to: '2026-12-06' }],
      [rule('instalment_overdue'), { from: null, to: '2026-12-04' }],
      [{ ...rule('instalment_overdue'), daysBefore: [1, 7] }, { from: '2026-11-28', to: '2026-12-04' }],
      [{ ...rule('mediation_limit'), daysBefore: [] }, { from: '2026-12-05', to: null }],
      [{ ...rule('mediation_limit'), enabled: false }, null],
    ];
    for (const [edited, expected] of cases) {
      expect(ruleDueWindow(edited, today)).toEqual(expected);
      for (const daysLeft of [-400, -8, -7, -2, -1, 0, 1, 2, 3, 7, 8, 30, 400]) {
        if (ruleFiresOn(edited, daysLeft)) expect({ daysLeft, inWindow: withinWindow(ruleDueWindow(edited, today), addDays(today, daysLeft)) }).toEqual({ daysLeft, inWindow: true });
      }
    }
  });
});

describe('deadlineReminders', () => {
  const limit = { subject: 'case-1', dueOn: '2027-01-15', recipients: ['mediator-1'] };

  function overDays(kind: ReminderKind, deadline: { subject: string; dueOn: string; recipients: string[] }, from: string, to: string) {
    return days(from, to).flatMap((today) => deadlineReminders({ today, rule: rule(kind), deadlines: [deadline] }));
  }

  it('reminds of the mediation limit 3 days, 1 day and on the day, with rising urgency', () => {
    expect(summary(overDays('mediation_limit', limit, '2027-01-01', '2027-01-31'))).toEqual([
      '2027-01-12 case-1 mediator-1 warning',
      '2027-01-14 case-1 mediator-1 urgent',
      '2027-01-15 case-1 mediator-1 urgent',
    ]);
  });

  it('reminds of an instalment the day before and on the day', () => {
    const instalment = { subject: 'instalment-1', dueOn: '2027-01-20', recipients: ['lawyer-1', 'mediator-1'] };
    expect(overDays('instalment_due', instalment, '2027-01-01', '2027-01-31').map((r) => `${r.dueOn} ${r.recipientId}`)).toEqual([
      '2027-01-19 lawyer-1',
      '2027-01-19 mediator-1',
      '2027-01-20 lawyer-1',
      '2027-01-20 mediator-1',
    ]);
  });

  it('reminds of an overdue instalment every day after the due date, and not on it', () => {
    const instalment = { subject: 'instalment-1', dueOn: '2027-01-20', recipients: ['lawyer-1'] };
    const reminders = overDays('instalment_overdue', instalment, '2027-01-18', '2027-01-24');
    expect(reminders.map((r) => `${r.dueOn} ${r.daysLeft}`)).toEqual([
      '2027-01-21 -1',
      '2027-01-22 -2',
      '2027-01-23 -3',
      '2027-01-24 -4',
    ]);
  });

  it('gives every day of an overdue instalment its own key', () => {
    const instalment = { subject: 'instalment-1', dueOn: '2027-01-20', recipients: ['lawyer-1'] };
    const keys = overDays('instalment_overdue', instalment, '2027-01-21', '2027-02-19').map(reminderKey);
    expect(new Set(keys).size).toBe(30);
  });

  it('reminds of a session only the day before', () => {
    const session = { subject: 'session-1', dueOn: '2027-01-10', recipients: ['mediator-1'] };
    expect(overDays('session_tomorrow', session, '2027-01-01', '2027-01-31').map((r) => r.dueOn)).toEqual(['2027-01-09']);
  });

  it('reminds of an arbitration deadline 7, 3, 1 and 0 days before', () => {
    const award = { subject: 'case-1', dueOn: '2027-03-01', recipients: ['lawyer-1'] };
    expect(overDays('arbitration_deadline', award, '2027-02-01', '2027-03-31').map((r) => r.dueOn)).toEqual([
      '2027-02-22',
      '2027-02-26',
      '2027-02-28',
      '2027-03-01',
    ]);
  });

  it('reminds of a limitation deadline 7, 3, 1 and 0 days before, and not after', () => {
    const limitation = { subject: 'worker-7', dueOn: '2027-06-30', recipients: ['lawyer-1'] };
    expect(overDays('limitation_deadline', limitation, '2027-06-01', '2027-07-31').map((r) => r.daysLeft)).toEqual([7, 3, 1, 0]);
  });

  it('reminds each recipient once even when listed twice', () => {
    const twice = { ...limit, recipients: ['mediator-1', 'mediator-1'] };
    expect(deadlineReminders({ today: '2027-01-15', rule: rule('mediation_limit'), deadlines: [twice] })).toHaveLength(1);
  });

  it('refuses the festival rule, which needs cases rather than deadlines', () => {
    expect(() => deadlineReminders({ today: '2027-01-15', rule: FESTIVAL_RULE, deadlines: [limit] })).toThrow(RangeError);
  });
});

describe('digestReminders', () => {
  const leaders = [
    { leaderId: 'chair-1', scopeId: 'county-1' },
    { leaderId: 'chair-2', scopeId: 'county-2' },
  ];

  it('sends each leader a digest every day of the season and on no other day', () => {
    const reminders = WHOLE_WINTER.flatMap((today) =>
      digestReminders({ today, rule: rule('leader_digest'), season: SEASON_2027, leaders }),
    );
    expect(reminders).toHaveLength(2 * 97);
    expect(reminders[0]).toMatchObject({ dueOn: '2026-11-01', subject: 'county-1', recipientId: 'chair-1', daysLeft: 96 });
    expect(reminders[reminders.length - 1]).toMatchObject({ dueOn: '2027-02-05', subject: 'county-2', urgency: 'urgent' });
  });

  it('sends nothing when the rule is disabled', () => {
    const disabled = { ...rule('leader_digest'), enabled: false };
    expect(digestReminders({ today: '2027-01-10', rule: disabled, season: SEASON_2027, leaders })).toEqual([]);
  });
});

describe('ruleFor', () => {
  it('treats a kind missing from the stored rules as disabled', () => {
    expect(ruleFor([], 'session_tomorrow')).toEqual({ kind: 'session_tomorrow', enabled: false, daysBefore: [] });
  });
});

describe('ruleProblems', () => {
  it('refuses negative and fractional days', () => {
    expect(ruleProblems({ ...FESTIVAL_RULE, daysBefore: [-1, 2.5] })).toEqual(['days must be whole numbers of 0 or more']);
  });

  it('refuses the due day itself for the overdue rule', () => {
    expect(ruleProblems({ ...rule('instalment_overdue'), daysBefore: [0, 1] })).toEqual([
      'this rule counts days after its date: count them from 1',
    ]);
  });

  it('refuses a day listed twice', () => {
    expect(ruleProblems({ ...FESTIVAL_RULE, daysBefore: [7, 7] })).toEqual(['a day is listed twice']);
  });
});

describe('who receives each kind of reminder', () => {
  const people = { lawyerId: 'lawyer-1', mediatorId: 'mediator-1' };

  it('sends a case reminder to the people its rule names, in its order, each once', () => {
    expect(caseRecipients('session_tomorrow', people)).toEqual(['mediator-1', 'lawyer-1']);
    expect(caseRecipients('arbitration_deadline', people)).toEqual(['lawyer-1', 'mediator-1']);
    expect(caseRecipients('limitation_deadline', people)).toEqual(['lawyer-1']);
    // one person who is both the lawyer and the mediator of the case gets one
    expect(caseRecipients('festival_countdown', { lawyerId: 'both-1', mediatorId: 'both-1' })).toEqual(['both-1']);
  });

  it('skips whom the case does not have, and never sends the leaders a case reminder', () => {
    expect(caseRecipients('mediation_limit', { lawyerId: null, mediatorId: 'mediator-1' })).toEqual(['mediator-1']);
    expect(caseRecipients('leader_digest', people)).toEqual([]);
  });

  it('names recipients for every kind', () => {
    expect(REMINDER_KINDS.filter((kind) => RULE_RECIPIENTS[kind].length === 0)).toEqual([]);
  });
});
