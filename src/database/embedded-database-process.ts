/** What the service gives the embedded database's process. */
export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** Added to PGlite's own start parameters. */
  startParams: string[];
  /** Where the modules are, resolved by the service: PGlite, its socket server, its pg_trgm extension. */
  modules: { pglite: string; socketServer: string; pgTrgm: string };
}

/** What the process answers once: where to connect, or why it could not start. */
export type EmbeddedDatabaseStarted = { started: true; address: string } | { started: false; error: string };

/**
 * The embedded PostgreSQL (PGlite) and its socket server, in a process of their own (open-database.ts
 * says why). Answers where to connect once it listens; told 'stop', or left by the service (the
 * channel to it closed: the service ended, however it ended), closes the database and ends.
 *
 * The process runs this function's source text (`node -e`, its options as the one argument), so that
 * it needs no compiler in front of it whether the service runs built or from its TypeScript (the
 * tests): it may use nothing from outside but `require` and its own argument.
 */
export function embeddedDatabaseProcess(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the process's source text is run as it is (above) */
  const options = JSON.parse(process.argv[1]) as EmbeddedDatabaseOptions;
  const { PGlite } = require(options.modules.pglite) as typeof import('@electric-sql/pglite');
  const { PGLiteSocketServer } = require(options.modules.socketServer) as typeof import('@electric-sql/pglite-socket');
  // trigram search of case numbers (migrations/1766100000000); a server has it in its contrib
  const { pg_trgm } = require(options.modules.pgTrgm) as typeof import('@electric-sql/pglite/contrib/pg_trgm');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const answer = (started: EmbeddedDatabaseStarted) => process.send!(started);
  // Ctrl-C in a terminal reaches the whole process group: the database must outlive the service's own
  // graceful stop, which tells it to stop once the last request is answered.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});

  (async () => {
    const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...options.startParams] });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        await server.stop();
        await db.close();
        process.exit(0);
      })());
    process.on('message', (message: unknown) => message === 'stop' && void stop());
    process.on('disconnect', () => void stop());
    answer({ started: true, address: server.getServerConn() });
  })().catch((error: unknown) => answer({ started: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
}
