import { maskName } from '../../personal-data/domain/masking';
import {
  LOOKUP_CODE_ALPHABET,
  canRate,
  districtOfAddress,
  handleByOn,
  newLookupCode,
  newReceiptNumber,
  normalizeLookupCode,
  normalizeReceiptNumber,
  personNameProblem,
  reportProblems,
  takesPhotos,
  workerStage,
} from './report-rules';

const SHUNYI = { id: 'sy', name: '顺义区总工会', district: null };
const TONGZHOU = { id: 'tz', name: '通州区总工会', district: '通州区' };
const MIYUN = { id: 'my', name: '密云区总工会', district: null };

describe('the receipt number and the lookup code', () => {
  it('draws twelve digits that never start with 0, and eight characters none of which can be misread', () => {
    let n = 0;
    expect(newReceiptNumber(() => n++)).toBe('112345678901');
    const zeros = newReceiptNumber(() => 0);
    expect(zeros).toMatch(/^1[0]{11}$/);
    expect(newLookupCode((bound) => bound - 1)).toBe('99999999');
    expect(LOOKUP_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('reads them as people type them: spaces, dashes, full-width digits, lower case', () => {
    expect(normalizeReceiptNumber('3725 0418 9163')).toBe('372504189163');
    expect(normalizeReceiptNumber('３７２５-０４１８-９１６３')).toBe('372504189163');
    expect(normalizeReceiptNumber('072504189163')).toBeNull();
    expect(normalizeReceiptNumber('37250418916')).toBeNull();
    expect(normalizeLookupCode('k7pq-3xwa')).toBe('K7PQ3XWA');
    // a character the codes never use (O, 0, 1, I, L) makes it no code
    expect(normalizeLookupCode('K7PQ 3XWO')).toBeNull();
    expect(normalizeLookupCode('K7PQ3XW')).toBeNull();
  });
});

describe('a report', () => {
  it('takes a name as on the ID card, minority names with their dot, and nothing like markup', () => {
    expect(personNameProblem('李建国')).toBeNull();
    expect(personNameProblem('阿卜杜·热合曼')).toBeNull();
    expect(personNameProblem('<script>alert(1)</script>')).toBe('PERSON_NAME_FORMAT');
    expect(personNameProblem('张3')).toBe('PERSON_NAME_FORMAT');
    expect(personNameProblem('  ')).toBe('REQUIRED');
  });

  it('refuses a period ending before it starts or ahead of today, and markup in any text', () => {
    const problems = reportProblems(
      { periodStart: '2026-12-10', periodEnd: '2026-12-01', texts: [{ field: 'employerName', value: '某公司<b>' }, { field: 'projectName', value: null }] },
      '2026-12-04',
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['periodEnd', 'PERIOD_ENDS_BEFORE_START'],
      ['periodStart', 'DATE_IN_FUTURE'],
      ['employerName', 'MARKUP_NOT_ALLOWED'],
    ]);
    expect(reportProblems({ periodStart: '2026-08-01', periodEnd: '2026-11-30', texts: [] }, '2026-12-04')).toEqual([]);
  });

  it('goes to the district its site address names, when it names exactly one', () => {
    expect(districtOfAddress('北京市顺义区后沙峪镇安泰大街', [SHUNYI, TONGZHOU])).toBe(SHUNYI);
    // the district's name without 区, and the district an organisation recorded for itself
    expect(districtOfAddress('通州宋庄工地', [SHUNYI, TONGZHOU])).toBe(TONGZHOU);
    expect(districtOfAddress('顺义和密云交界的工地', [SHUNYI, MIYUN])).toBeNull();
    expect(districtOfAddress('工地', [SHUNYI])).toBeNull();
    expect(districtOfAddress(undefined, [SHUNYI])).toBeNull();
  });

  it('takes photos while it waits, for a day after it was sent', () => {
    const sent = new Date('2026-12-04T10:00:00+08:00');
    expect(takesPhotos({ status: 'submitted', submittedAt: sent }, new Date('2026-12-05T10:00:00+08:00'))).toBe(true);
    expect(takesPhotos({ status: 'submitted', submittedAt: sent }, new Date('2026-12-05T10:01:00+08:00'))).toBe(false);
    expect(takesPhotos({ status: 'accepted', submittedAt: sent }, sent)).toBe(false);
  });

  it('is overdue the days after it came in that an administrator set', () => {
    expect(handleByOn('2026-12-30', 3)).toBe('2027-01-02');
  });
});

describe('what the worker is told', () => {
  it('puts his report and his case into a few plain steps', () => {
    expect(workerStage({ status: 'submitted' }, null)).toBe('waiting');
    expect(workerStage({ status: 'declined' }, null)).toBe('declined');
    expect(workerStage({ status: 'accepted' }, 'received')).toBe('verifying');
    expect(workerStage({ status: 'joined' }, 'mediating')).toBe('mediating');
    expect(workerStage({ status: 'accepted' }, 'agreed')).toBe('paying');
    expect(workerStage({ status: 'accepted' }, 'closed')).toBe('closed');
    expect(workerStage({ status: 'accepted' }, 'arbitration')).toBe('elsewhere');
    expect(workerStage({ status: 'accepted' }, 'withdrawn')).toBe('ended');
  });

  it('lets him rate a concluded case once', () => {
    expect(canRate('closed', false)).toBe(true);
    expect(canRate('closed', true)).toBe(false);
    expect(canRate('paying', false)).toBe(false);
    expect(canRate(null, false)).toBe(false);
  });

  it('shows his name masked to whoever holds the receipt', () => {
    expect(maskName('李建国')).toBe('李*国');
    expect(maskName('张明')).toBe('张*');
    expect(maskName('阿卜杜·热合曼')).toBe('阿*****曼');
  });
});
