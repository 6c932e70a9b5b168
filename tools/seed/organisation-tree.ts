/**
 * The unions of the synthetic city and their staff: one city federation at the top (the existing root
 * if there is one, as the first administrator creates it), a federation per district with its worker
 * service centers, and a few industry unions. Everything is found by its code or username first, so a
 * second seeding run reuses the tree and the people instead of making another city.
 */
import type { QueryRunner } from 'typeorm';
import type { Role } from '../../src/auth/domain/roles';
import type { OrganisationKind } from '../../src/organisations/organisation.record';
import { NameSource, licenceNumber, mobileNumber } from './identities';
import { Prng } from './prng';
import { RowBuffer } from './row-buffer';
import { DISTRICTS, INDUSTRY_UNIONS, IndustryUnionSpec, tradeName } from './synthetic';

export interface SeededOrganisation {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  path: string;
  /** Index into DISTRICTS for district federations and their service centers. */
  district: number | null;
  industryUnion: IndustryUnionSpec | null;
  created: boolean;
}

export interface StaffMember {
  id: string;
  name: string;
}

export interface OrganisationStaff {
  lawyers: StaffMember[];
  mediators: StaffMember[];
  clerks: StaffMember[];
}

export interface CityTree {
  root: SeededOrganisation;
  organisations: SeededOrganisation[];
  /** Service centers by district index, and each district's federation. */
  centresOfDistrict: SeededOrganisation[][];
  federationOfDistrict: SeededOrganisation[];
  unionOfIndustry: Map<string, SeededOrganisation>;
  staff: Map<string, OrganisationStaff>;
  createdOrganisations: number;
  createdUsers: number;
}

interface PlannedOrganisation {
  code: string;
  name: string;
  kind: OrganisationKind;
  districtName: string | null;
  parentCode: string;
  district: number | null;
  industryUnion: IndustryUnionSpec | null;
}

const FIRMS = [
  '北京市京师律师事务所', '北京市盈科律师事务所', '北京市中伦文德律师事务所', '北京市炜衡律师事务所', '北京市康达律师事务所',
  '北京市义联律师事务所', '北京市致诚律师事务所', '北京市汉卓律师事务所', '北京市惠诚律师事务所', '北京市安博律师事务所',
];

/**
 * Finds or creates the tree and its staff. `staffScale` is how many lawyers and mediators each service
 * center gets (more for a bigger city); existing users are kept as they are.
 */
export async function ensureCity(runner: QueryRunner, rng: Prng, names: NameSource, staffScale: number, newId: () => string): Promise<CityTree> {
  const root = await ensureRoot(runner, newId);
  const prefix = root.code.length <= 3 ? root.code : root.code.slice(0, 3);
  const cityName = root.name.replace(/总工会$/, '') || '北京市';

  const planned: PlannedOrganisation[] = [];
  DISTRICTS.forEach((district, index) => {
    const code = `${prefix}${district.abbreviation}`;
    planned.push({ code, name: `${district.name}总工会`, kind: 'district_federation', districtName: district.name, parentCode: root.code, district: index, industryUnion: null });
    district.centres.forEach((street, centre) => {
      planned.push({
        code: `${code}${String(centre + 1).padStart(2, '0')}`,
        name: `${district.name}${street}职工服务中心`,
        kind: 'service_center',
        districtName: district.name,
        parentCode: code,
        district: index,
        industryUnion: null,
      });
    });
  });
  for (const union of INDUSTRY_UNIONS) {
    planned.push({ code: `${prefix}${union.abbreviation}`, name: `${cityName}${union.name}`, kind: 'industry_union', districtName: null, parentCode: root.code, district: null, industryUnion: union });
  }

  const existing: { id: string; code: string; name: string; kind: OrganisationKind; path: string }[] = await runner.query(
    `SELECT id, code, name, kind, path FROM organisations WHERE code = ANY($1::text[])`,
    [planned.map((p) => p.code)],
  );
  const byCode = new Map<string, SeededOrganisation>([[root.code, root]]);
  for (const row of existing) {
    const plan = planned.find((p) => p.code === row.code)!;
    byCode.set(row.code, { ...row, district: plan.district, industryUnion: plan.industryUnion, created: false });
  }
  const rows = new RowBuffer('organisations', [
    ['id', 'uuid'], ['parent_id', 'uuid'], ['code', 'text'], ['name', 'text'], ['kind', 'text'], ['district', 'text'], ['path', 'text'],
  ], 'unnest');
  for (const plan of planned) {
    if (byCode.has(plan.code)) continue;
    const parent = byCode.get(plan.parentCode)!;
    const id = newId();
    const organisation: SeededOrganisation = {
      id, code: plan.code, name: plan.name, kind: plan.kind, path: `${parent.path}${id}/`,
      district: plan.district, industryUnion: plan.industryUnion, created: true,
    };
    byCode.set(plan.code, organisation);
    rows.push(id, parent.id, plan.code, plan.name, plan.kind, plan.districtName, organisation.path);
  }
  const createdOrganisations = rows.length + (root.created ? 1 : 0);
  await rows.flush(runner, 1000);

  const organisations = [root, ...planned.map((p) => byCode.get(p.code)!)];
  const centresOfDistrict = DISTRICTS.map((_, index) => organisations.filter((o) => o.kind === 'service_center' && o.district === index));
  const federationOfDistrict = DISTRICTS.map((district) => byCode.get(`${prefix}${district.abbreviation}`)!);
  const unionOfIndustry = new Map<string, SeededOrganisation>();
  for (const union of INDUSTRY_UNIONS) for (const industry of union.industries) unionOfIndustry.set(industry, byCode.get(`${prefix}${union.abbreviation}`)!);

  const createdUsers = await ensureStaff(runner, rng, names, organisations, staffScale, newId);
  const staff = await loadStaff(runner, organisations);
  return { root, organisations, centresOfDistrict, federationOfDistrict, unionOfIndustry, staff, createdOrganisations, createdUsers };
}

async function ensureRoot(runner: QueryRunner, newId: () => string): Promise<SeededOrganisation> {
  const [found]: { id: string; code: string; name: string; kind: OrganisationKind; path: string }[] = await runner.query(
    `SELECT id, code, name, kind, path FROM organisations WHERE parent_id IS NULL ORDER BY created_at, code LIMIT 1`,
  );
  if (found) return { ...found, district: null, industryUnion: null, created: false };
  const id = newId();
  const root: SeededOrganisation = {
    id, code: 'BJ', name: '北京市总工会', kind: 'city_federation', path: `/${id}/`, district: null, industryUnion: null, created: true,
  };
  await runner.query(`INSERT INTO organisations (id, parent_id, code, name, kind, district, path) VALUES ($1, NULL, $2, $3, $4, NULL, $5)`, [
    id, root.code, root.name, root.kind, root.path,
  ]);
  return root;
}

/**
 * How many people of each role an organisation has in the synthetic city. `scale` grows with the number
 * of cases, so that in the weeks before the festival a mediator still has about six sessions a day at most.
 */
function staffing(kind: OrganisationKind, scale: number): [Role, number][] {
  const clerks = Math.max(1, Math.ceil(scale / 4));
  switch (kind) {
    case 'city_federation':
      return [['leader', 2], ['lawyer', Math.max(3, scale)], ['mediator', Math.max(3, scale)], ['intake_clerk', Math.max(3, clerks)]];
    case 'district_federation':
    case 'industry_union':
      return [['leader', 1], ['lawyer', scale], ['mediator', scale], ['intake_clerk', clerks]];
    case 'service_center':
      return [['lawyer', scale], ['mediator', scale], ['intake_clerk', clerks]];
  }
}

const ROLE_WORD: Record<Role, string> = { admin: 'admin', leader: 'leader', lawyer: 'lawyer', mediator: 'mediator', intake_clerk: 'clerk' };

/** Creates the seeded staff that are missing (found by username); they have no password and cannot log in. */
async function ensureStaff(
  runner: QueryRunner,
  rng: Prng,
  names: NameSource,
  organisations: SeededOrganisation[],
  scale: number,
  newId: () => string,
): Promise<number> {
  const wanted: { username: string; organisation: SeededOrganisation; role: Role }[] = [];
  for (const organisation of organisations) {
    for (const [role, count] of staffing(organisation.kind, scale)) {
      for (let i = 1; i <= count; i++) wanted.push({ username: `${organisation.code.toLowerCase()}.${ROLE_WORD[role]}${i}`, organisation, role });
    }
  }
  const taken = new Set(
    ((await runner.query(`SELECT lower(username) AS username FROM users WHERE lower(username) = ANY($1::text[])`, [wanted.map((w) => w.username)])) as {
      username: string;
    }[]).map((row) => row.username),
  );
  const [{ profiles }] = await runner.query(`SELECT count(*)::int AS profiles FROM lawyer_profiles`);
  // each seeded person holds one role; `roles` is an array, which the RowBuffer's unnest cannot fill
  const users: [id: string, organisationId: string, username: string, displayName: string, role: Role][] = [];
  // A licence number that is taken already leaves that lawyer without a profile, which the service allows.
  const lawyerProfiles = new RowBuffer(
    'lawyer_profiles',
    [['user_id', 'uuid'], ['licence_number', 'text'], ['firm', 'text'], ['phone', 'text'], ['active', 'boolean']],
    'unnest',
    'ON CONFLICT DO NOTHING',
  );
  let licence = Number(profiles) * 7 + rng.int(1000, 9000);
  for (const w of wanted) {
    if (taken.has(w.username)) continue;
    const id = newId();
    const male = rng.chance(0.55);
    users.push([id, w.organisation.id, w.username, names.person(rng, male), w.role]);
    if (w.role === 'lawyer') {
      licence += 1;
      lawyerProfiles.push(id, licenceNumber(licence, rng.int(2005, 2022), male), rng.chance(0.8) ? rng.pick(FIRMS) : `北京市${tradeName(rng)}律师事务所`, mobileNumber(rng), true);
    }
  }
  const created = users.length;
  for (let start = 0; start < users.length; start += 1000) {
    const chunk = users.slice(start, start + 1000);
    await runner.query(
      `INSERT INTO users (id, organisation_id, username, display_name, roles, active)
       SELECT id, organisation_id, username, display_name, ARRAY[role], true
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS u (id, organisation_id, username, display_name, role)`,
      [0, 1, 2, 3, 4].map((column) => chunk.map((row) => row[column])),
    );
  }
  await lawyerProfiles.flush(runner, 1000);
  return created;
}

/** Everyone active who can be put on a case of each organisation: its own lawyers, mediators and clerks. */
async function loadStaff(runner: QueryRunner, organisations: SeededOrganisation[]): Promise<Map<string, OrganisationStaff>> {
  const rows: { id: string; organisation_id: string; roles: Role[]; lawyer_active: boolean; display_name: string }[] = await runner.query(
    `SELECT u.id, u.organisation_id, u.roles, p.active IS NOT FALSE AS lawyer_active, u.display_name
       FROM users u LEFT JOIN lawyer_profiles p ON p.user_id = u.id
      WHERE u.organisation_id = ANY($1::uuid[]) AND u.active AND u.roles && ARRAY['lawyer', 'mediator', 'intake_clerk']
      ORDER BY u.username`,
    [organisations.map((o) => o.id)],
  );
  const staff = new Map<string, OrganisationStaff>(organisations.map((o) => [o.id, { lawyers: [], mediators: [], clerks: [] }]));
  // someone with several roles (a lawyer who mediates) is in each list of theirs
  for (const row of rows) {
    const of = staff.get(row.organisation_id)!;
    const member = { id: row.id, name: row.display_name };
    if (row.roles.includes('lawyer') && row.lawyer_active) of.lawyers.push(member);
    if (row.roles.includes('mediator')) of.mediators.push(member);
    if (row.roles.includes('intake_clerk')) of.clerks.push(member);
  }
  return staff;
}
