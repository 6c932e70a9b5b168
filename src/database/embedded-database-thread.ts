/** What the service gives the embedded database's thread. */
export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** Added to PGlite's own start parameters. */
  startParams: string[];
  /** Where the modules are, resolved by the service: PGlite, its socket server, its pg_trgm extension. */
  modules: { pglite: string; socketServer: string; pgTrgm: string };
}

/** What the thread answers once: where to connect, or why it could not start. */
export type EmbeddedDatabaseStarted = { started: true; address: string } | { started: false; error: string };

/**
 * The embedded PostgreSQL (PGlite) and its socket server, in a thread of their own (open-database.ts
 * says why). Answers where to connect once it listens; told 'stop', closes the database and ends.
 *
 * The thread runs this function's source text (a Worker with `eval`), so that it needs no compiler in
 * front of it whether the service runs built or from its TypeScript (the tests): it may use nothing
 * from outside but `require` and the thread's own data.
 */
export function embeddedDatabaseThread(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the thread's source text is run as it is (above) */
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const options = workerData as EmbeddedDatabaseOptions;
  const { PGlite } = require(options.modules.pglite) as typeof import('@electric-sql/pglite');
  const { PGLiteSocketServer } = require(options.modules.socketServer) as typeof import('@electric-sql/pglite-socket');
  // trigram search of case numbers (migrations/1766100000000); a server has it in its contrib
  const { pg_trgm } = require(options.modules.pgTrgm) as typeof import('@electric-sql/pglite/contrib/pg_trgm');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const answer = (started: EmbeddedDatabaseStarted) => parentPort!.postMessage(started);

  (async () => {
    const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...options.startParams] });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    parentPort!.on('message', (message: unknown) => {
      if (message !== 'stop') return;
      void (async () => {
        await server.stop();
        await db.close();
        parentPort!.close();
      })();
    });
    answer({ started: true, address: server.getServerConn() });
  })().catch((error: unknown) => answer({ started: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
}
