import { daysOverdue, defaultOrganisation, pageOf, tabOf, withChanges } from './queue';

describe('the queue in the address', () => {
  it('opens on the waiting reports unless the address names another tab', () => {
    expect(tabOf(null)).toBe('waiting');
    expect(tabOf('handled')).toBe('handled');
    expect(tabOf('all')).toBe('all');
    expect(tabOf('declined')).toBe('waiting');
  });

  it('reads a page and a page size the API would take, and nothing else', () => {
    expect(pageOf('3', 1)).toBe(3);
    expect(pageOf(null, 1)).toBe(1);
    expect(pageOf('0', 1)).toBe(1);
    expect(pageOf('2.5', 1)).toBe(1);
    expect(pageOf('50', 20, [20, 50, 100])).toBe(50);
    expect(pageOf('30', 20, [20, 50, 100])).toBe(20);
  });

  it('keeps the other parameters when one changes, and leaves the defaults out', () => {
    const params = new URLSearchParams('tab=handled&page=3');
    expect(withChanges(params, { report: 'r-1' }).toString()).toBe('tab=handled&page=3&report=r-1');
    expect(withChanges(new URLSearchParams('tab=handled&page=3&report=r-1'), { report: null }).toString()).toBe('tab=handled&page=3');
    expect(withChanges(params, { tab: 'waiting', page: '1' }).toString()).toBe('');
  });
});

describe('a report waiting past its days', () => {
  it('counts calendar days after its last day', () => {
    expect(daysOverdue('2026-12-07', '2026-12-07')).toBe(0);
    expect(daysOverdue('2026-12-07', '2026-12-05')).toBe(0);
    expect(daysOverdue('2026-12-07', '2026-12-08')).toBe(1);
    // across a month's end and the year's
    expect(daysOverdue('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysOverdue('2027-02-27', '2027-03-01')).toBe(2);
  });
});

describe('the organisation a new case goes to', () => {
  it("is the report's when it is in the clerk's scope", () => {
    expect(defaultOrganisation('district', ['district', 'center'], 'district')).toBe('district');
    expect(defaultOrganisation('center', ['district', 'center'], 'district')).toBe('center');
  });

  it("is the clerk's own for a report sent above his scope", () => {
    expect(defaultOrganisation('city', ['district', 'center'], 'district')).toBe('district');
  });
});
