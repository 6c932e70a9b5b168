import { caseNumberSql, formatCaseNumber } from '../src/cases/domain/case-number';
import { residentId } from './factories/identities';
import { Desk, makeDesk, makeEmployer } from './factories/scenario';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Opening a case answers with the case as its page shows it, assembled from what the opening wrote
 * and checked rather than read again (issue 17: intake is the desk's busiest write).
 */
describe('Opening a case', () => {
  let t: TestApp;
  let desk: Desk;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2027-01-12T09:00:00+08:00') });
    desk = await makeDesk(t);
  });
  afterAll(() => t.close());

  it('answers with the case exactly as its page reads it: people, project, employers, evidence, money', async () => {
    const contractor = await makeEmployer(desk.lawyer.api, { name: '北京顺达建筑总承包有限公司' });
    const project = await desk.lawyer.api.post('/projects', { name: '顺义新城安置房', site: '顺义区', ownerId: contractor.id });
    expect(project.status).toBe(201);
    const opened = await desk.lawyer.api.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2027-01-11',
      summary: '  二标段拖欠三个月工资  ',
      projectId: project.body.id,
      lawyerId: desk.lawyer.id,
      mediatorId: desk.mediator.id,
      employers: [
        { employerId: desk.employer.id, role: 'employer' },
        { employerId: contractor.id, role: 'general_contractor' },
      ],
      evidence: [
        { kind: 'attendance', description: '考勤表三页', receivedOn: '2027-01-10' },
        { kind: 'wage_sheet', description: '工资条' },
      ],
      claims: [
        { worker: { name: '赵师傅', idNumber: residentId(81) }, amountClaimed: '12000.00', amountConfirmed: '11500.50' },
        { worker: { name: '钱师傅', idNumber: residentId(82) }, amountClaimed: '9000.00' },
      ],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      summary: '二标段拖欠三个月工资',
      project: { id: project.body.id },
      lawyer: { id: desk.lawyer.id },
      mediator: { id: desk.mediator.id },
      employers: [
        expect.objectContaining({ id: desk.employer.id, role: 'employer' }),
        expect.objectContaining({ id: contractor.id, role: 'general_contractor' }),
      ],
      evidence: [expect.objectContaining({ description: '考勤表三页', receivedOn: '2027-01-10' }), expect.objectContaining({ description: '工资条' })],
      totals: { workers: 2, claimed: '21000.00' },
    });
    // the answer also says what the desk should know about the lawyer (none here); the page does not
    const { warnings, ...answer } = opened.body;
    expect(warnings).toEqual([]);
    const page = (await desk.lawyer.api.get(`/cases/${opened.body.id}`)).body;
    // the same, but for the order of employers and evidence, which the page does not promise
    const byId = (items: { id: string }[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect({ ...page, employers: byId(page.employers), evidence: byId(page.evidence) }).toEqual({
      ...answer,
      employers: byId(answer.employers),
      evidence: byId(answer.evidence),
    });
  });

  it('numbers a case in the database as the rule writes it, five digits and beyond', async () => {
    for (const sequence of [1, 42, 99_999, 100_000, 1_234_567]) {
      const [{ written }] = await t.dataSource.query(`SELECT ${caseNumberSql('$1::text', '$2::int::text', '$3::int')} AS written`, ['SY', 2027, sequence]);
      expect(written).toBe(formatCaseNumber('SY', 2027, sequence));
    }
    const opened = await desk.lawyer.api.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2027-01-12',
      summary: '编号',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
    });
    expect(opened.body.caseNumber).toBe(formatCaseNumber(desk.organisation.code, 2027, 2));
  });
});
