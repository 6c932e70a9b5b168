import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { EmbeddedCheckpoints } from './embedded-checkpoints';
import { DatabaseHandle, openDatabase } from './open-database';

jest.setTimeout(120_000);

const MB = 1024 * 1024;

/**
 * The embedded database's write-ahead log, kept to its size by the service's checkpoints: a real PGlite
 * process on a data directory of the test's own, written to through the service's kind of connection.
 */
describe('Checkpoints of the embedded database', () => {
  let directory: string;
  let database: DatabaseHandle;
  let dataSource: DataSource;
  const config = () => loadConfig({ EMBEDDED_DATA_DIR: join(directory, 'pglite') });
  const walBytes = async () => Number((await dataSource.query(`SELECT sum(size)::bigint AS bytes FROM pg_ls_waldir()`))[0].bytes);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'wages-checkpoints-'));
    database = await openDatabase(config());
    dataSource = await new DataSource({ type: 'postgres', url: database.url, poolSize: 1 }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lets the log grow past its size until a checkpoint, which brings it back under', async () => {
    // about 350 MB of log, more than the 256 MB a checkpoint leaves (open-database.ts)
    await dataSource.query(`CREATE TABLE filler (n integer, pad text)`);
    await dataSource.query(`INSERT INTO filler SELECT n, repeat(md5(n::text), 16) FROM generate_series(1, 1200000) n`);
    const before = await walBytes();
    expect(before).toBeGreaterThan(300 * MB);

    await new EmbeddedCheckpoints(new SchedulerRegistry(), dataSource, config()).runOnce();
    const after = await walBytes();
    expect(after).toBeLessThanOrEqual(256 * MB + 16 * MB);
    // and the data is all there
    expect((await dataSource.query(`SELECT count(*)::int AS rows FROM filler`))[0].rows).toBe(1_200_000);
  });

  it('makes them on a timer on the embedded database only, and stops on shutdown', async () => {
    const registry = new SchedulerRegistry();
    const onServer = new EmbeddedCheckpoints(registry, dataSource, loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/any' }));
    onServer.onApplicationBootstrap();
    expect(registry.getIntervals()).toEqual([]);

    const embedded = new EmbeddedCheckpoints(registry, dataSource, config());
    embedded.onApplicationBootstrap();
    expect(registry.getIntervals()).toEqual(['embedded-checkpoint']);
    await embedded.beforeApplicationShutdown();
    expect(registry.getIntervals()).toEqual([]);
  });
});
