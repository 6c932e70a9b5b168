import { residentId } from './factories/identities';
import { Desk, makeDesk, makeOrganisation, makeStaff, makeUser } from './factories/scenario';
import { itWhereConcurrent } from './support/concurrency';
import { TEST_PASSWORD, TestApp, startTestApp } from './support/test-app';

/**
 * A user may hold several roles (in a district union the on-duty lawyer often mediates): what they may
 * do is the union of their roles' permissions, their scope is their organisation's subtree as for
 * anyone, and whatever picks people "of a role" asks whether the role is among theirs.
 */
describe('Users with several roles', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-12-10T10:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  it('lets a lawyer who mediates log a consultation, open a case, mediate it and record its payout', async () => {
    const both = await makeStaff(t, desk.organisation.id, ['mediator', 'lawyer']);
    // kept in one order whatever order they were given in
    expect(both.roles).toEqual(['lawyer', 'mediator']);
    const me = (await both.api.get('/auth/me')).body;
    expect(me.roles).toEqual(['lawyer', 'mediator']);
    expect(me.permissions).toEqual(expect.arrayContaining(['desk.log', 'cases.open', 'payouts.record', 'mediation.manage']));
    expect(me.permissions).not.toContain('reports.read');

    // the lawyer's desk
    const consultation = await both.api.post('/consultations', {
      organisationId: desk.organisation.id,
      channel: 'walk_in',
      topic: 'unpaid_wages',
      workerName: '周师傅',
      advice: '拖欠两个月工资，建议申请调解',
      durationMinutes: 15,
      consultedAt: '2026-12-10T09:00:00+08:00',
    });
    expect(consultation.status).toBe(201);

    // the same person is the case's lawyer and its mediator: each picker asks for one of their roles
    const opened = await both.api.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-12-08',
      summary: '绿化公司拖欠两名工人工资',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
      lawyerId: both.id,
      mediatorId: both.id,
      claims: [
        { worker: { name: '周师傅', idNumber: residentId(501) }, amountClaimed: '8000.00', amountConfirmed: '8000.00' },
        { worker: { name: '吴师傅', idNumber: residentId(502) }, amountClaimed: '4500.50', amountConfirmed: '4500.50' },
      ],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ lawyer: { id: both.id }, mediator: { id: both.id } });

    // the mediator's moves and money
    for (const to of ['verifying', 'mediating']) {
      const moved = await both.api.post(`/cases/${opened.body.id}/transitions`, { to });
      expect({ to, status: moved.status }).toEqual({ to, status: 200 });
    }
    const claims = (await both.api.get(`/cases/${opened.body.id}/claims`)).body.items;
    const paid = await both.api.post(`/cases/${opened.body.id}/payouts`, {
      paidOn: '2026-12-10',
      payerKind: 'employer',
      channel: 'bank_transfer',
      items: claims.map((claim: any) => ({ claimId: claim.id, amount: claim.amountConfirmed })),
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ recorded: 2, total: '12500.50' });
    const after = (await both.api.get(`/cases/${opened.body.id}`)).body;
    expect(after).toMatchObject({ status: 'paying', totals: expect.objectContaining({ paid: '12500.50', outstanding: '0.00' }) });

    // neither role sees the figures: refused, naming both roles
    const figures = await both.api.get('/reports/summary');
    expect(figures.status).toBe(403);
    expect(figures.body.message).toBe('您的角色（律师、调解员）无权执行此操作');

    // the pickers of lawyers and of mediators both list them
    for (const role of ['lawyer', 'mediator']) {
      const listed = (await t.admin.get(`/users?role=${role}&organisationId=${desk.organisation.id}`)).body.items;
      expect(listed.map((u: any) => u.id)).toContain(both.id);
    }
    const leaders = (await t.admin.get(`/users?role=leader&organisationId=${desk.organisation.id}`)).body.items;
    expect(leaders.map((u: any) => u.id)).toEqual([desk.leader.id]);
  });

  it('refuses a user with no role, an unknown role or a role twice, naming the item; and the old single `role`', async () => {
    const create = (fields: Record<string, unknown>) =>
      t.admin.post('/users', {
        username: `roles.${Math.random().toString(36).slice(2, 10)}`,
        displayName: '试用户',
        organisationId: desk.organisation.id,
        password: TEST_PASSWORD,
        ...fields,
      });

    const none = await create({ roles: [] });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: 'roles', code: 'TOO_FEW_ITEMS', message: '至少需要 1 项' }]);

    const twice = await create({ roles: ['mediator', 'intake_clerk', 'mediator'] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ field: 'roles.2', code: 'DUPLICATE_IN_REQUEST', message: '与第 1 项重复' }]);

    const unknown = await create({ roles: ['mediator', 'judge'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'roles.1', code: 'NOT_ONE_OF' })]);
    // the values the API takes, every one of them
    for (const role of ['admin', 'leader', 'lawyer', 'mediator', 'intake_clerk']) expect(unknown.body.errors[0].message).toContain(role);

    // one spelling: `roles`; a client still sending `role` is told which field is unknown and which is missing
    const old = await create({ role: 'mediator' });
    expect(old.status).toBe(400);
    expect(old.body.errors.map((e: any) => [e.field, e.code]).sort()).toEqual([
      ['role', 'UNKNOWN_FIELD'],
      ['roles', 'REQUIRED'],
    ]);

    // a lawyer among several roles still needs the lawyer's profile, and a profile needs the lawyer role
    const noProfile = await create({ roles: ['mediator', 'lawyer'] });
    expect(noProfile.body.errors).toEqual([expect.objectContaining({ field: 'lawyerProfile', code: 'REQUIRED' })]);
    const strayProfile = await create({ roles: ['mediator'], lawyerProfile: { licenceNumber: '11101201910123499', firm: '某律所' } });
    expect(strayProfile.body.errors).toEqual([
      expect.objectContaining({ field: 'lawyerProfile', code: 'WRONG_ROLE', message: '该用户没有律师角色' }),
    ]);

    // nothing of the refused requests was created
    const users = (await t.admin.get(`/users?organisationId=${desk.organisation.id}&pageSize=100`)).body.items;
    expect(users.filter((u: any) => u.displayName === '试用户')).toEqual([]);
  });

  it('changes a user’s roles: at their next request, with a lawyer profile when lawyer is added, in the audit trail', async () => {
    const clerk = await makeStaff(t, desk.organisation.id, 'intake_clerk');
    expect((await clerk.api.post('/consultations', {})).status).toBe(403);

    const noProfile = await t.admin.patch(`/users/${clerk.id}`, { roles: ['intake_clerk', 'lawyer'] });
    expect(noProfile.status).toBe(400);
    expect(noProfile.body.errors).toEqual([expect.objectContaining({ field: 'lawyerProfile', code: 'REQUIRED' })]);

    const changed = await t.admin.patch(`/users/${clerk.id}`, {
      roles: ['intake_clerk', 'lawyer'],
      lawyerProfile: { licenceNumber: '11101201910123477', firm: '北京市某某律师事务所' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['lawyer', 'intake_clerk'], lawyerProfile: { licenceNumber: '11101201910123477' } });
    // the same session, no new login: the new role counts at once
    expect((await clerk.api.get('/auth/me')).body.roles).toEqual(['lawyer', 'intake_clerk']);
    expect((await clerk.api.post('/consultations', {})).status).toBe(400);

    const audit = (await t.admin.get(`/audit?entityType=users&entityId=${clerk.id}&action=update`)).body.items;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ before: { roles: ['intake_clerk'] }, after: { roles: ['lawyer', 'intake_clerk'] } }),
      ]),
    );

    // taken away again: no longer offered as a lawyer, the profile stays for the roster's history
    const back = await t.admin.patch(`/users/${clerk.id}`, { roles: ['intake_clerk'] });
    expect(back.body).toMatchObject({ roles: ['intake_clerk'], lawyerProfile: { firm: '北京市某某律师事务所' } });
    expect((await clerk.api.post('/consultations', {})).status).toBe(403);
    const lawyers = (await t.admin.get(`/users?role=lawyer&organisationId=${desk.organisation.id}`)).body.items;
    expect(lawyers.map((u: any) => u.id)).not.toContain(clerk.id);
    const assigned = await desk.clerk.api.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-12-09',
      summary: '拖欠劳务费',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
      lawyerId: clerk.id,
    });
    expect(assigned.body.errors).toEqual([expect.objectContaining({ field: 'lawyerId', code: 'WRONG_ROLE', message: '该用户没有律师角色' })]);

    const emptied = await t.admin.patch(`/users/${clerk.id}`, { roles: [] });
    expect(emptied.body.errors).toEqual([expect.objectContaining({ field: 'roles', code: 'TOO_FEW_ITEMS' })]);
  });

  it('keeps one active administrator: the last one can neither drop the admin role nor be deactivated', async () => {
    const city = t.rootOrganisationId;
    const [root] = (await t.admin.get(`/users?role=admin&organisationId=${city}`)).body.items;
    const second = await makeStaff(t, city, ['admin', 'leader']);

    // with another active administrator, one may step down to leader
    const stepsDown = await second.api.patch(`/users/${second.id}`, { roles: ['leader'] });
    expect(stepsDown.status).toBe(200);
    expect(stepsDown.body.roles).toEqual(['leader']);
    expect((await second.api.get('/users')).status).toBe(200);
    expect((await second.api.post('/users', {})).status).toBe(403);

    // the remaining one may not
    const last = await t.admin.patch(`/users/${root.id}`, { roles: ['leader'] });
    expect(last.status).toBe(400);
    expect(last.body.errors).toEqual([
      {
        field: 'roles',
        code: 'LAST_ADMIN',
        message: '这是最后一位在用的管理员，不能去掉其管理员角色或停用；请先让另一位用户成为管理员',
      },
    ]);
    const deactivated = await t.admin.patch(`/users/${root.id}`, { active: false });
    expect(deactivated.body.errors).toEqual([expect.objectContaining({ field: 'active', code: 'LAST_ADMIN' })]);
    // adding a role keeps admin: allowed
    const added = await t.admin.patch(`/users/${root.id}`, { roles: ['admin', 'leader'] });
    expect(added.body.roles).toEqual(['admin', 'leader']);
    expect((await t.admin.get('/auth/me')).body.permissions).toContain('users.manage');
    await t.admin.patch(`/users/${root.id}`, { roles: ['admin'] });
  });

  itWhereConcurrent('keeps the last administrator when the last two step down at the same moment', async () => {
    const [root] = (await t.admin.get(`/users?role=admin&organisationId=${t.rootOrganisationId}`)).body.items;
    const [first, second] = await Promise.all([makeStaff(t, t.rootOrganisationId, 'admin'), makeStaff(t, t.rootOrganisationId, 'admin')]);
    expect((await t.admin.patch(`/users/${root.id}`, { roles: ['leader'] })).status).toBe(200);

    const answers = await Promise.all(
      [first, second].map((admin) => admin.api.patch(`/users/${admin.id}`, { roles: ['leader'] })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    const refused = answers.find((answer) => answer.status === 400)!;
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'roles', code: 'LAST_ADMIN' })]);
    const admins = (await t.admin.get(`/users?role=admin&active=true&pageSize=100`)).body.items;
    expect(admins).toHaveLength(1);

    // the one left hands administration back to the city's administrator
    const remaining = answers[0].status === 400 ? first : second;
    expect((await remaining.api.patch(`/users/${root.id}`, { roles: ['admin'] })).status).toBe(200);
  });

  it("sends a leader who also administers one leaders' digest, not one per role", async () => {
    const district = await makeDesk(t);
    const leaderAdmin = await makeStaff(t, district.organisation.id, ['admin', 'leader']);
    const opened = await district.lawyer.api.post('/cases', {
      organisationId: district.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-12-01',
      summary: '拖欠工资',
      employers: [{ employerId: district.employer.id, role: 'employer' }],
      claims: [{ worker: { name: '郑师傅', idNumber: residentId(511) }, amountClaimed: '3000.00', amountConfirmed: '3000.00' }],
    });
    expect(opened.status).toBe(201);

    const swept = await t.admin.post('/reminders/sweep', { on: '2026-12-10' });
    expect(swept.status).toBe(200);
    const digests = (await leaderAdmin.api.get('/inbox')).body.items.filter((r: any) => r.kind === 'leader_digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].body).toContain('仍欠薪：1 件案件，1 名劳动者，共 3,000.00 元');
    // the district's other leader gets theirs as before
    const leaderInbox = (await district.leader.api.get('/inbox')).body.items.filter((r: any) => r.kind === 'leader_digest');
    expect(leaderInbox).toHaveLength(1);
  });

  it('has the database refuse no role, an unknown one, a repeat or a null, whoever writes', async () => {
    const user = await makeUser(t, desk.organisation.id, 'mediator');
    for (const roles of ['{}', '{judge}', '{mediator,mediator}', '{mediator,NULL}', '{{mediator},{lawyer}}']) {
      await expect(t.dataSource.query(`UPDATE users SET roles = $2::text[] WHERE id = $1`, [user.id, roles])).rejects.toThrow(
        /violates check constraint "users_roles_/,
      );
    }
    await expect(t.dataSource.query(`UPDATE users SET roles = NULL WHERE id = $1`, [user.id])).rejects.toThrow(/null value/);
    expect((await t.admin.get(`/users/${user.id}`)).body.roles).toEqual(['mediator']);
  });

  it('answers a user, in the list and alone, with their roles', async () => {
    const organisation = await makeOrganisation(t);
    const user = await makeUser(t, organisation.id, ['intake_clerk', 'mediator']);
    const one = (await t.admin.get(`/users/${user.id}`)).body;
    expect(one).toMatchObject({ roles: ['mediator', 'intake_clerk'], lawyerProfile: null });
    expect(one).not.toHaveProperty('role');
    const listed = (await t.admin.get(`/users?organisationId=${organisation.id}`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: user.id, roles: ['mediator', 'intake_clerk'] })]);
  });
});
