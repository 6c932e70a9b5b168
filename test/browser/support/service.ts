import { APIRequestContext, expect, Page, request } from '@playwright/test';
import { creditCode, licenceNumber, residentId, workerName } from '../../factories/identities';
import { ADMIN_PASSWORD } from '../../../playwright.config';

export const STAFF_PASSWORD = 'Winter-ledger-Shunyi-2027';
/** What the administrator gives a new user; the user must replace it at the first login. */
export const INITIAL_PASSWORD = 'Given-by-admin-Tongzhou-88';
let counter = Math.floor(Date.now() / 1000) % 100_000;
export const next = () => ++counter;

/** The API as a logged-in user: how a test sets the scene before the browser does the user's part. */
export async function apiAs(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/auth/login', { data: { username, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { accessToken } = await login.json();
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${accessToken}` } });
}

async function created<T = any>(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A district with a lawyer, a mediator and an intake clerk, each with a password of their own. */
export async function makeDistrict(baseURL: string) {
  const admin = await apiAs(baseURL, 'admin', ADMIN_PASSWORD);
  const [city] = await (await admin.get('/organisations')).json();
  const n = next();
  const organisation = await created(
    await admin.post('/organisations', { data: { code: `SY${n}`, name: `顺义区总工会${n}`, kind: 'district_federation', parentId: city.id } }),
  );
  const user = async (role: string, displayName: string) =>
    created(
      await admin.post('/users', {
        data: {
          username: `${role}.${n}`,
          displayName,
          roles: [role],
          organisationId: organisation.id,
          password: INITIAL_PASSWORD,
          ...(role === 'lawyer' && { lawyerProfile: { licenceNumber: licenceNumber(n), firm: '北京市某某律师事务所' } }),
        },
      }),
    );
  const lawyer = await user('lawyer', '王律师');
  const mediator = await user('mediator', '李调解员');
  // the clerk keeps the administrator's password, to meet the first-login page; the others chose theirs
  const clerk = await user('intake_clerk', '赵受理员');
  for (const { username } of [lawyer, mediator]) {
    const own = await apiAs(baseURL, username, INITIAL_PASSWORD);
    const changed = await own.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } });
    expect(changed.status(), await changed.text()).toBe(204);
  }
  return { admin, organisation, lawyer, mediator, clerk };
}

/** A case of `workers` workers opened through the API by the district's lawyer. */
export async function openCase(baseURL: string, district: Awaited<ReturnType<typeof makeDistrict>>, amounts: string[]) {
  const lawyer = await apiAs(baseURL, district.lawyer.username, STAFF_PASSWORD);
  const n = next();
  const employer = await created(
    await lawyer.post('/employers', { data: { name: `北京第${n}园林绿化有限公司`, creditCode: creditCode(n), kind: 'company', industry: 'landscaping' } }),
  );
  return created(
    await lawyer.post('/cases', {
      data: {
        organisationId: district.organisation.id,
        intakeChannel: 'walk_in',
        intakeDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
        summary: '园林公司拖欠工人工资',
        employers: [{ employerId: employer.id, role: 'employer' }],
        lawyerId: district.lawyer.id,
        mediatorId: district.mediator.id,
        claims: amounts.map((amountClaimed, i) => ({ worker: { name: workerName(n * 100 + i), idNumber: residentId(n * 100 + i) }, amountClaimed })),
      },
    }),
  );
}

/** Logs in through the login page, as a user would. */
export async function logIn(page: Page, username: string, password = STAFF_PASSWORD) {
  await page.goto('/app/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

export const DESK = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A screenshot at desk and at phone size, kept as a test artifact (test-results/browser/screenshots). */
export async function screenshots(page: Page, name: string) {
  for (const [size, viewport] of [['desk', DESK], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results/browser/screenshots'}/${name}-${size}.png`, fullPage: true });
    // a page wider than the phone makes the user scroll sideways: a bug even when everything is there
    if (size === 'phone') {
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `${name} is wider than a phone`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize(DESK);
}

/** `count` workers nobody has registered yet, with amounts that add up to a known total. */
export function rosterRows(count: number) {
  const first = next() * 1000;
  return Array.from({ length: count }, (_, i) => ({
    name: workerName(first + i),
    idNumber: residentId(first + i),
    amountClaimed: `${3000 + i * 17}.${String(i % 100).padStart(2, '0')}`,
  }));
}

/** A roster as clerks keep it in a CSV: 序号, 姓名, 身份证号, 主张金额. */
export function rosterCsv(rows: { name: string; idNumber: string; amountClaimed: string }[]): Buffer {
  const lines = [['序号', '姓名', '身份证号', '主张金额'], ...rows.map((row, i) => [String(i + 1), row.name, row.idNumber, row.amountClaimed])];
  return Buffer.from(lines.map((cells) => cells.join(',')).join('\r\n'), 'utf8');
}

/** The same id number with its check character changed: the mistake of a copied digit. */
export function withWrongCheckCharacter(idNumber: string): string {
  const last = idNumber.at(-1);
  return idNumber.slice(0, -1) + (last === '1' ? '2' : '1');
}

/** Today's date in Beijing time (the API's business dates), YYYY-MM-DD. */
export function shanghaiToday(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A service center (服务中心) under the district, where its lawyers take duty. */
export async function makeServiceCenter(district: Awaited<ReturnType<typeof makeDistrict>>) {
  const n = next();
  return created(
    await district.admin.post('/organisations', {
      data: { code: `FW${n}`, name: `${district.organisation.name}职工服务中心`, kind: 'service_center', parentId: district.organisation.id },
    }),
  );
}

/** Another lawyer of the district (with a phone to be reached on duty), who never logs in here. */
export async function addLawyer(district: Awaited<ReturnType<typeof makeDistrict>>, displayName: string, phone: string) {
  const n = next();
  return created(
    await district.admin.post('/users', {
      data: {
        username: `lawyer.${n}`,
        displayName,
        roles: ['lawyer'],
        organisationId: district.organisation.id,
        password: INITIAL_PASSWORD,
        lawyerProfile: { licenceNumber: licenceNumber(n), firm: '北京市某某律师事务所', phone },
      },
    }),
  );
}

/** The administrator puts a lawyer on duty at a service center for a day (today by default). */
export async function putOnDuty(district: Awaited<ReturnType<typeof makeDistrict>>, organisationId: string, lawyerId: string, day = shanghaiToday()) {
  return created(await district.admin.post('/duty-shifts', { data: { organisationId, lawyerId, day } }));
}

/** An employer in the register, registered by the district's lawyer. */
export async function registerEmployer(baseURL: string, district: Awaited<ReturnType<typeof makeDistrict>>, name: string) {
  const lawyer = await apiAs(baseURL, district.lawyer.username, STAFF_PASSWORD);
  return created(await lawyer.post('/employers', { data: { name, creditCode: creditCode(next()), kind: 'company', industry: 'construction' } }));
}

/** A mediation room of the district, added by the administrator through the API. */
export async function makeRoom(district: Awaited<ReturnType<typeof makeDistrict>>, name: string): Promise<{ id: string; name: string }> {
  return created(await district.admin.post('/mediation-rooms', { data: { organisationId: district.organisation.id, name } }));
}

/** The workers of a case as the API lists them (by name), read by the district's lawyer. */
export async function workersOf(baseURL: string, district: Awaited<ReturnType<typeof makeDistrict>>, caseId: string): Promise<{ claimId: string; name: string; amountClaimed: string }[]> {
  const lawyer = await apiAs(baseURL, district.lawyer.username, STAFF_PASSWORD);
  const page = await (await lawyer.get(`/cases/${caseId}/claims?pageSize=200`)).json();
  return page.items.map((claim: any) => ({ claimId: claim.id, name: claim.worker.name, amountClaimed: claim.amountClaimed }));
}

/** The answer's JSON (null for 204), failing the test with the answer's words unless it succeeded. */
export async function ok(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<any> {
  expect(response.ok(), await response.text()).toBe(true);
  return response.status() === 204 ? null : response.json();
}

/** A leader of the district, who has chosen his own password (STAFF_PASSWORD). */
export async function addLeader(baseURL: string, district: Awaited<ReturnType<typeof makeDistrict>>, displayName: string): Promise<{ id: string; username: string }> {
  const leader = await ok(
    await district.admin.post('/users', {
      data: { username: `leader.${next()}`, displayName, roles: ['leader'], organisationId: district.organisation.id, password: INITIAL_PASSWORD },
    }),
  );
  const own = await apiAs(baseURL, leader.username, INITIAL_PASSWORD);
  await ok(await own.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } }));
  return leader;
}

/** The district's mediator takes a case into mediation with every amount confirmed as claimed; its claims. */
export async function intoMediation(baseURL: string, district: Awaited<ReturnType<typeof makeDistrict>>, caseId: string): Promise<{ id: string; amountClaimed: string }[]> {
  const mediator = await apiAs(baseURL, district.mediator.username, STAFF_PASSWORD);
  await ok(await mediator.post(`/cases/${caseId}/transitions`, { data: { to: 'verifying' } }));
  const claims = (await ok(await mediator.get(`/cases/${caseId}/claims`))).items as { id: string; amountClaimed: string }[];
  await ok(await mediator.post(`/cases/${caseId}/claims/confirmations`, { data: { items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })) } }));
  await ok(await mediator.post(`/cases/${caseId}/transitions`, { data: { to: 'mediating' } }));
  return claims;
}
