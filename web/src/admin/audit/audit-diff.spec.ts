import { auditDiff, displayValue } from './audit-diff';

describe('auditDiff', () => {
  it('lines up the fields of a changed record and marks the ones that changed', () => {
    const rows = auditDiff(
      { id: 'u1', display_name: '王律师', roles: ['lawyer'], active: true, organisation_id: 'o1' },
      { id: 'u1', display_name: '王律师', roles: ['lawyer', 'mediator'], active: false, organisation_id: 'o1' },
    );
    expect(rows.map((row) => [row.field, row.changed])).toEqual([
      ['id', false],
      ['display_name', false],
      ['roles', true],
      ['active', true],
      ['organisation_id', false],
    ]);
    expect(rows[2]).toEqual({ field: 'roles', before: ['lawyer'], after: ['lawyer', 'mediator'], changed: true });
  });

  it('takes a created record as every field new, and a deleted one as every field gone', () => {
    expect(auditDiff(null, { id: 'o2', name: '顺义区总工会' })).toEqual([
      { field: 'id', before: undefined, after: 'o2', changed: true },
      { field: 'name', before: undefined, after: '顺义区总工会', changed: true },
    ]);
    expect(auditDiff({ id: 'o2' }, null)).toEqual([{ field: 'id', before: 'o2', after: undefined, changed: true }]);
  });

  it('puts fields only the new record has after the old ones, and sees null to a value as a change', () => {
    const rows = auditDiff({ id: 'c1', district: null }, { id: 'c1', district: '顺义区', parent_id: 'bj' });
    expect(rows.map((row) => [row.field, row.changed])).toEqual([
      ['id', false],
      ['district', true],
      ['parent_id', true],
    ]);
  });

  it('compares lists and objects by content, whatever the order of their keys', () => {
    const rows = auditDiff({ totals: { paid: '10.00', owed: '20.00' }, tags: [1, 2] }, { totals: { owed: '20.00', paid: '10.00' }, tags: [1, 2] });
    expect(rows.every((row) => !row.changed)).toBe(true);
    expect(auditDiff({ tags: [1, 2] }, { tags: [2, 1] })[0].changed).toBe(true);
  });

  it('tells a field that was null from one that was not there', () => {
    expect(auditDiff({ note: null }, {})[0].changed).toBe(true);
    expect(auditDiff({ note: null }, { note: null })[0].changed).toBe(false);
  });

  it('answers nothing for an event with no record (a logout)', () => {
    expect(auditDiff(null, null)).toEqual([]);
  });
});

describe('displayValue', () => {
  const words = { absent: '（无此项）', empty: '空' };
  it('shows text as it is, lists of words joined, other values as JSON', () => {
    expect(displayValue('110101********1234', words)).toBe('110101********1234');
    expect(displayValue(['lawyer', 'mediator'], words)).toBe('lawyer、mediator');
    expect(displayValue(true, words)).toBe('true');
    expect(displayValue(1200050, words)).toBe('1200050');
    expect(displayValue({ field: 'idNumber' }, words)).toBe('{"field":"idNumber"}');
    expect(displayValue([{ a: 1 }], words)).toBe('[{"a":1}]');
  });
  it('says absent and null in words', () => {
    expect(displayValue(undefined, words)).toBe('（无此项）');
    expect(displayValue(null, words)).toBe('空');
  });
});
