import type { DataSource } from 'typeorm';
import { shanghaiDate } from '../../src/common/time/shanghai';
import { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import { SeedProgress, seedDatabase } from '../../tools/seed/seed-database';

/**
 * Seeds a bench database up to `wanted` cases with the synthetic city (tools/seed), reusing what an
 * earlier run seeded: the next cases are drawn from the seed after the last. Progress goes to stderr.
 */
export async function seedUpTo(
  dataSource: DataSource,
  wanted: number,
  key: Buffer,
  where: string,
  onProgress: (progress: SeedProgress) => void,
): Promise<void> {
  const [{ cases: present }] = await dataSource.query(`SELECT count(*)::int AS cases FROM cases`);
  if (present >= wanted) return;
  console.error(`Seeding ${wanted - present} cases into ${where} (it has ${present})…`);
  const runner = dataSource.createQueryRunner();
  const started = Date.now();
  try {
    await seedDatabase(runner, {
      cases: wanted - present,
      seed: present + 1,
      today: shanghaiDate(new Date()),
      cipher: new PersonalDataCipher(key),
      personalDataKey: key,
      onProgress,
    });
  } finally {
    await runner.release();
  }
  console.error(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
