import { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import { seedDatabase } from '../../tools/seed/seed-database';
import { Api, TestApp, startTestApp } from '../support/test-app';
import { makeStaff } from './scenario';

/** A city seeded by tools/seed, the way the reports' suites look at it: from the top, and from one district. */
export interface SeededCity {
  t: TestApp;
  /** The city federation's administrator, logged in. */
  admin: Api;
  /** The city federation at the top of the tree. */
  root: { id: string; path: string };
  /** The district with the most cases (a child of the city federation), and a leader of it, logged in. */
  district: { id: string; path: string; name: string };
  districtLeader: Api;
}

/**
 * The service on its own database, seeded with `cases` cases over several seasons (districts and service
 * centers, employers, projects, lawyers, payments in other months than the intake), on 2026-11-22.
 */
export async function startSeededCity(options: { cases: number; seed: number }): Promise<SeededCity> {
  const t = await startTestApp({ now: new Date('2026-11-22T10:00:00+08:00') });
  try {
    const runner = t.dataSource.createQueryRunner();
    try {
      await seedDatabase(runner, { ...options, today: '2026-11-22', cipher: t.app.get(PersonalDataCipher) });
    } finally {
      await runner.release();
    }
    const [root] = await t.dataSource.query(`SELECT id, path FROM organisations WHERE id = $1`, [t.rootOrganisationId]);
    const [district] = await t.dataSource.query(
      `SELECT d.id, d.path, d.name FROM organisations d JOIN organisations o ON o.path LIKE d.path || '%' JOIN cases c ON c.organisation_id = o.id
        WHERE d.parent_id = $1 GROUP BY d.id ORDER BY count(*) DESC LIMIT 1`,
      [root.id],
    );
    const districtLeader = (await makeStaff(t, district.id, 'leader')).api;
    return { t, admin: await t.login('admin'), root, district, districtLeader };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** Every item of a paged list (`path` already has a query string), 200 at a time. */
export async function allPages(api: Api, path: string, pageSize = 200): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const response = await api.get(`${path}&page=${page}&pageSize=${pageSize}`);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    items.push(...response.body.items);
    if (response.body.more && response.body.items.length === 0) throw new Error(`${path} says a page follows page ${page}, which is empty`);
    if (!response.body.more) {
      // where the groups are counted, the pages hold that many
      if (response.body.total !== null) expect(items).toHaveLength(response.body.total);
      return items;
    }
  }
}
