import { Api, TEST_PASSWORD, TestApp } from '../support/test-app';
import { creditCode, licenceNumber, mobile, residentId, workerName } from './identities';

/** What the factories need of a running service: its administrator, the city federation, and a way to log in (a TestApp, or a service in its own process). */
export type City = Pick<TestApp, 'admin' | 'rootOrganisationId' | 'login'>;

let counter = 0;
/** Distinct numbers within a suite (each suite has its own database), so unique columns never collide. */
export function nextNumber(): number {
  counter += 1;
  return counter;
}

function expectCreated<T>(response: { status: number; body: T }, what: string): T {
  if (response.status !== 201) {
    throw new Error(`creating ${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A district federation under `parentId` (the city federation by default), created by the city's admin. */
export async function makeOrganisation(t: City, overrides: Record<string, unknown> = {}) {
  const n = nextNumber();
  return expectCreated<any>(
    await t.admin.post('/organisations', {
      code: `D${String(n).padStart(6, '0').slice(-6)}`,
      name: `第${n}区总工会`,
      kind: 'district_federation',
      parentId: t.rootOrganisationId,
      ...overrides,
    }),
    'organisation',
  );
}

/**
 * A user of the organisation holding the role, or the roles (`['lawyer', 'mediator']`); a lawyer comes
 * with a lawyer profile.
 */
export async function makeUser(t: City, organisationId: string, role: string | string[], overrides: Record<string, unknown> = {}) {
  const n = nextNumber();
  const roles = typeof role === 'string' ? [role] : role;
  const name = roles.join('+');
  return expectCreated<any>(
    await t.admin.post('/users', {
      username: `${roles.join('.')}.${n}`,
      displayName: `${workerName(n)}`,
      roles,
      organisationId,
      password: TEST_PASSWORD,
      ...(roles.includes('lawyer') && { lawyerProfile: { licenceNumber: licenceNumber(n), firm: '北京市某某律师事务所' } }),
      ...overrides,
    }),
    name,
  );
}

/** A user of the given role (or roles) in the organisation, with an Api logged in as them. */
export async function makeStaff(t: City, organisationId: string, role: string | string[]) {
  const user = await makeUser(t, organisationId, role);
  return { ...user, api: await t.login(user.username) };
}

export async function makeEmployer(api: Api, overrides: Record<string, unknown> = {}) {
  const n = nextNumber();
  return expectCreated<any>(
    await api.post('/employers', {
      name: `北京第${n}园林绿化有限公司`,
      creditCode: creditCode(n),
      kind: 'company',
      district: '顺义区',
      industry: 'landscaping',
      ...overrides,
    }),
    'employer',
  );
}

export interface RosterRow {
  name: string;
  idNumber: string;
  mobile: string;
  amountClaimed: string;
}

/**
 * A roster of `workers` whose claims add up to exactly `totalFen`, with realistic spread: pairs of
 * workers differ from the mean by the same amount in opposite directions, and the remainder of the
 * division is spread one fen at a time.
 */
export function makeRoster(workers: number, totalFen: bigint, firstNumber = nextNumber() * 10_000): RosterRow[] {
  const base = totalFen / BigInt(workers);
  const remainder = Number(totalFen % BigInt(workers));
  const amounts = Array.from({ length: workers }, (_, i) => base + (i < remainder ? 1n : 0n));
  for (let i = 0; i + 1 < workers; i += 2) {
    const spread = BigInt(((i * 7919) % 400_000) - 200_000);
    amounts[i] += spread;
    amounts[i + 1] -= spread;
  }
  return amounts.map((fen, i) => ({
    name: workerName(firstNumber + i),
    idNumber: residentId(firstNumber + i),
    mobile: mobile(firstNumber + i),
    amountClaimed: yuan(fen),
  }));
}

export function yuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * A district service desk: its organisation, a lawyer, a mediator, an intake clerk and a leader
 * (each logged in), and an employer to open cases against.
 */
export async function makeDesk(t: City, organisation_: Record<string, unknown> = {}) {
  const organisation = await makeOrganisation(t, organisation_);
  const [lawyer, mediator, clerk, leader] = await Promise.all(
    ['lawyer', 'mediator', 'intake_clerk', 'leader'].map((role) => makeStaff(t, organisation.id, role)),
  );
  const employer = await makeEmployer(lawyer.api);
  return { organisation, lawyer, mediator, clerk, leader, employer };
}
export type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** A case opened by the desk's lawyer. */
export async function openCase(desk: Desk, overrides: Record<string, unknown> = {}) {
  return expectCreated<any>(
    await desk.lawyer.api.post('/cases', {
      organisationId: desk.organisation.id,
      intakeChannel: 'walk_in',
      intakeDate: '2026-11-20',
      summary: '拖欠工资',
      employers: [{ employerId: desk.employer.id, role: 'employer' }],
      lawyerId: desk.lawyer.id,
      ...overrides,
    }),
    'case',
  );
}
