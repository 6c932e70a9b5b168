import type { DataSource, MigrationInterface } from 'typeorm';

/**
 * Runs one migration's `up` or `down` on its own connection, as `migration:run` or `migration:revert`
 * would: for the tests of what a migration does to a database that already holds data.
 */
export async function runOneMigration(dataSource: DataSource, migration: MigrationInterface, step: 'up' | 'down'): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await migration[step](runner);
  } finally {
    await runner.release();
  }
}
