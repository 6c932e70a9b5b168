import { inRoleOrder, roleListProblems } from './roles';

describe('a list of roles as a client sends it', () => {
  it('is fine with one role or several different ones', () => {
    expect(roleListProblems(['mediator'])).toEqual([]);
    expect(roleListProblems(['mediator', 'lawyer', 'intake_clerk'])).toEqual([]);
  });

  it('names the item that repeats an earlier one, and which one (counted from 1, as a form shows them)', () => {
    expect(roleListProblems(['lawyer', 'mediator', 'lawyer'])).toEqual([
      { field: 'roles.2', code: 'DUPLICATE_IN_REQUEST', params: { other: 1 } },
    ]);
  });

  it('names every unknown role with the roles there are, a number or a null included', () => {
    expect(roleListProblems(['judge', 'mediator', 7, null])).toEqual([
      { field: 'roles.0', code: 'NOT_ONE_OF', params: { allowed: 'admin, leader, lawyer, mediator, intake_clerk' } },
      { field: 'roles.2', code: 'NOT_ONE_OF', params: { allowed: 'admin, leader, lawyer, mediator, intake_clerk' } },
      { field: 'roles.3', code: 'NOT_ONE_OF', params: { allowed: 'admin, leader, lawyer, mediator, intake_clerk' } },
    ]);
  });

  it('is kept in one order whatever order it came in, so the same roles always read the same', () => {
    expect(inRoleOrder(['intake_clerk', 'lawyer', 'admin'])).toEqual(['admin', 'lawyer', 'intake_clerk']);
  });
});
