/**
 * The case list's search at city scale (issue 17): what a lawyer types first, timed over HTTP.
 * The texts are taken from the seeded data so each search finds what a real one would: the name of a
 * worker who came in last, the commonest full name, a given name alone (the last worker's, and one
 * about 10,000 workers share), a whole id number (opened from
 * its seal with the bench's key, searched through the keyed hash), a whole case number and its tail,
 * and a piece of an employer's name; each in the city administrator's scope, and the first ones again
 * in a district lawyer's with the list's filters.
 */
import type { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import { ms, percentile, table } from './measure';
import type { Client } from './service-process';

interface Search {
  what: string;
  text: string;
  /** Who searches, and what else the list is filtered by. */
  as: 'city' | 'district';
  filters?: string;
  /** The list searched: the case list unless said. */
  list?: '/cases' | '/workers' | '/employers';
}

export type SearchTexts = Awaited<ReturnType<typeof searchTexts>>;

/** Each search over HTTP: `city` an administrator of the whole city, `district` a lawyer of the district the texts come from. */
export async function benchSearch(texts: SearchTexts, city: Client, district: Client, runs: number): Promise<string> {
  const searches: Search[] = [
    { what: "a worker's name (the district's latest case)", text: texts.recentName, as: 'city' },
    { what: 'the commonest full name', text: texts.commonName, as: 'city' },
    { what: 'a given name alone (two characters)', text: texts.givenName, as: 'city' },
    { what: 'a given name alone, less common', text: texts.rarerGivenName, as: 'city' },
    { what: 'a whole id number (keyed hash)', text: texts.idNumber, as: 'city' },
    { what: 'a whole case number', text: texts.caseNumber, as: 'city' },
    { what: "a case number's tail", text: texts.caseNumberTail, as: 'city' },
    { what: "a piece of an employer's name", text: texts.employerPiece, as: 'city' },
    { what: "a worker's name", text: texts.recentName, as: 'district' },
    { what: 'the commonest full name, open cases', text: texts.commonName, as: 'district', filters: 'open=true' },
    { what: "a piece of an employer's name, open and owing", text: texts.employerPiece, as: 'district', filters: 'open=true&owing=true' },
    { what: 'the workers list: a full name', text: texts.commonName, as: 'city', list: '/workers' },
    { what: 'the employers list: a piece of a name', text: texts.employerPiece, as: 'city', list: '/employers' },
  ];
  const rows: (string | number)[][] = [];
  for (const search of searches) {
    const client = search.as === 'city' ? city : district;
    await client.logInIfOlderThan(5 * 60_000);
    const path = `${search.list ?? '/cases'}?q=${encodeURIComponent(search.text)}&pageSize=20${search.filters ? `&${search.filters}` : ''}`;
    // found: how many, or the refusal of a search too broad to list (a given name as common as 志强)
    let found = '';
    const samples: number[] = [];
    // the first request of a text in this run, before the warm-ups: the embedded database's service starts
    // afresh each run, so its rows are not in the database's own cache yet unless an earlier search read them
    let first = 0;
    for (let run = -2; run < runs; run++) {
      const started = process.hrtime.bigint();
      const answer = await client.answer<{ total?: number; errors?: { code: string }[] }>(path);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (run === -2) first = elapsed;
      if (run >= 0) samples.push(elapsed);
      found = answer.status === 200 ? answer.body.total!.toLocaleString('en') : `${answer.status} ${answer.body.errors?.[0]?.code ?? ''}`.trim();
    }
    const p95 = percentile(samples, 0.95);
    rows.push([
      search.what,
      `\`${search.list ?? '/cases'}\``,
      search.as === 'city' ? 'city' : 'district lawyer',
      search.filters ?? '—',
      found,
      ms(first),
      ms(percentile(samples, 0.5)),
      ms(p95),
      p95 < 100 ? 'yes' : 'NO',
    ]);
    console.error(`  search ${search.what} (${search.as}): ${found} found, p95 ${ms(p95)}`);
  }
  return table(['search', 'list', 'scope', 'filters', 'found', 'first request', 'p50', 'p95', 'p95 < 100 ms'], rows);
}

/** What the texts are read through: a `pg` pool, or anything that answers as one. */
export interface Rows {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of sampled reads, used as they come
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

/** Search texts from the data itself; sampled rows, so finding them never scans the city. */
export async function searchTexts(pool: Rows, cipher: PersonalDataCipher, districtPath: string) {
  const { rows: [recent] } = await pool.query(
    `SELECT w.name, w.id_number_sealed, c.case_number
       FROM cases c JOIN organisations o ON o.id = c.organisation_id
       JOIN claims cl ON cl.case_id = c.id JOIN workers w ON w.id = cl.worker_id
      WHERE o.path LIKE $1 || '%' AND char_length(w.name) = 3
      ORDER BY c.intake_date DESC, c.id LIMIT 1`,
    [districtPath],
  );
  const { rows: [common] } = await pool.query(
    `SELECT name FROM workers TABLESAMPLE SYSTEM (1) REPEATABLE (17) GROUP BY name ORDER BY count(*) DESC, name LIMIT 1`,
  );
  const { rows: [employer] } = await pool.query(
    `SELECT e.name FROM employers e TABLESAMPLE SYSTEM (5) REPEATABLE (17) WHERE char_length(e.name) >= 8 ORDER BY e.name LIMIT 1`,
  );
  // a given name about 10,000 of the city's workers share (at most 100 in a 1 % sample): under the
  // 20,000 names a search may list, where the commonest given names are over it
  const { rows: [rarer] } = await pool.query(
    `SELECT substr(name, 2) AS given FROM workers TABLESAMPLE SYSTEM (1) REPEATABLE (17)
      WHERE char_length(name) = 3 GROUP BY 1 HAVING count(*) <= 100 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const recentName: string = recent.name;
  const caseNumber: string = recent.case_number;
  return {
    recentName,
    commonName: common.name as string,
    givenName: recentName.slice(1),
    rarerGivenName: rarer.given as string,
    idNumber: cipher.decrypt(recent.id_number_sealed),
    caseNumber,
    caseNumberTail: caseNumber.slice(-10),
    // past a place name ("北京", "顺义区") and before the company form ("有限公司"): the part a clerk remembers
    employerPiece: employerPiece(employer.name as string),
  };
}

function employerPiece(name: string): string {
  const core = name.replace(/^(北京市?|.{2}区)/, '').replace(/(有限责任公司|有限公司|公司)$/, '');
  return core.slice(0, Math.min(4, core.length));
}
