import { chosenOrganisation, EMPTY_REPORT, missingOn, normalisedAmount, reportBody, sortedProblems, suggestedDistrict } from './report-form';

// Beijing's district unions as GET /public/districts answers them; the city's federation last
const SHUNYI = { id: 'd-shunyi', name: '顺义区总工会', place: '顺义区', city: false };
const MIYUN = { id: 'd-miyun', name: '密云区总工会', place: '密云区', city: false };
const YANQING = { id: 'd-yanqing', name: '延庆县总工会', place: '延庆县', city: false };
const CITY = { id: 'd-city', name: '北京市总工会', place: '北京市', city: true };
const DISTRICTS = [SHUNYI, MIYUN, YANQING, CITY];

const FILLED = {
  ...EMPTY_REPORT,
  name: ' 王建军 ',
  idNumber: '1101 0519 4912 3100 2x',
  mobile: '138 0013 8000',
  employerName: '北京某某建筑劳务有限公司',
  siteAddress: '北京市顺义区后沙峪镇安泰大街 9 号',
  periodStart: '2026-08-01',
  periodEnd: '2026-11-30',
  amountOwed: '18,600',
  coWorkers: '12',
  consent: true,
};

describe('the district a site address names', () => {
  it('is the one district the address names, the city in the address notwithstanding', () => {
    expect(suggestedDistrict('北京市顺义区后沙峪镇安泰大街 9 号', DISTRICTS)).toBe(SHUNYI);
  });

  it('is found by the place without its 区 or 县, as people write it', () => {
    expect(suggestedDistrict('密云水库边上的工地', DISTRICTS)).toBe(MIYUN);
    expect(suggestedDistrict('延庆八达岭镇', DISTRICTS)).toBe(YANQING);
  });

  it('is none when the address names two districts or none: the worker chooses', () => {
    expect(suggestedDistrict('顺义区和密云区交界', DISTRICTS)).toBeNull();
    expect(suggestedDistrict('工地', DISTRICTS)).toBeNull();
    expect(suggestedDistrict('   ', DISTRICTS)).toBeNull();
  });

  it('gives way to the district the worker chose himself', () => {
    expect(chosenOrganisation(FILLED, DISTRICTS)).toBe(SHUNYI.id);
    expect(chosenOrganisation({ ...FILLED, organisationId: CITY.id }, DISTRICTS)).toBe(CITY.id);
    expect(chosenOrganisation({ ...FILLED, siteAddress: '工地' }, DISTRICTS)).toBe('');
  });
});

describe('what each step needs before the next', () => {
  it('asks for name, id number and mobile first', () => {
    expect(missingOn('who', EMPTY_REPORT, '')).toEqual({ name: 'required', idNumber: 'required', mobile: 'required' });
    expect(missingOn('who', FILLED, '')).toEqual({});
  });

  it('asks for the employer and a district, chosen or named by the address', () => {
    expect(missingOn('employer', { ...FILLED, employerName: ' ' }, '')).toEqual({ employerName: 'required', organisationId: 'chooseOne' });
    expect(missingOn('employer', FILLED, SHUNYI.id)).toEqual({});
  });

  it('asks for the period and the amount, and a whole number of co-workers', () => {
    expect(missingOn('money', { ...FILLED, periodEnd: '', amountOwed: '', coWorkers: '两个' }, '')).toEqual({ periodEnd: 'required', amountOwed: 'required', coWorkers: 'wholeNumber' });
    expect(missingOn('money', FILLED, '')).toEqual({});
  });

  it('needs nothing on the photos step, and the consent on the last', () => {
    expect(missingOn('photos', EMPTY_REPORT, '')).toEqual({});
    expect(missingOn('consent', { ...FILLED, consent: false }, '')).toEqual({ consent: 'consent' });
  });
});

describe('the body sent', () => {
  it('is what he typed, tidied the way the API reads it', () => {
    expect(reportBody(FILLED, SHUNYI.id)).toEqual({
      name: '王建军',
      idNumber: '11010519491231002X',
      mobile: '13800138000',
      employerName: '北京某某建筑劳务有限公司',
      projectName: undefined,
      siteAddress: '北京市顺义区后沙峪镇安泰大街 9 号',
      organisationId: SHUNYI.id,
      periodStart: '2026-08-01',
      periodEnd: '2026-11-30',
      amountOwed: '18600.00',
      coWorkers: 12,
      description: undefined,
      consent: true,
    });
  });

  it('writes amounts as yuan with two decimals, and leaves what is no amount for the API to refuse', () => {
    expect(normalisedAmount('18600')).toBe('18600.00');
    expect(normalisedAmount('￥１８６００.5元')).toBe('18600.50');
    expect(normalisedAmount('一万八')).toBe('一万八');
    expect(normalisedAmount('12.345')).toBe('12.345');
  });
});

describe('the API’s problems on the form', () => {
  it('puts each under its field and goes back to the first step that has one', () => {
    const sorted = sortedProblems([
      { field: 'periodEnd', message: '不能晚于今天' },
      { field: 'name', message: '请填写身份证上的姓名：只能是汉字或字母，少数民族姓名可用“·”' },
      { field: 'name', message: '太长' },
    ]);
    expect(sorted.step).toBe('who');
    expect(sorted.fields).toEqual({ periodEnd: '不能晚于今天', name: '请填写身份证上的姓名：只能是汉字或字母，少数民族姓名可用“·”；太长' });
    expect(sorted.rest).toEqual([]);
  });

  it('says above the button what belongs to no field', () => {
    expect(sortedProblems([{ field: 'proof', message: '安全验证没有通过' }, { message: '其他' }])).toEqual({ fields: {}, rest: ['安全验证没有通过', '其他'], step: null });
  });
});
