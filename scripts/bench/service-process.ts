import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How a service process is started: its schedulers, and where its output goes. */
export interface ServiceOptions {
  /** Off (the default): the benchmark and the load measure requests alone. On: as env or the defaults say. */
  schedulers?: boolean;
  /** A file that gets the service's output (appended); the caller's own stdout and stderr otherwise. */
  logFile?: string;
  /** How long to wait for /health to answer 200 (ms). */
  startTimeoutMs?: number;
}

/**
 * The service as a deployment runs it: its own process (so its memory can be read apart from the
 * benchmark's, and it can be signalled or killed as an operator or a crash would), on the given
 * database, with the schedulers off unless asked.
 */
export class ServiceProcess {
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(env: Record<string, string>, port: number, options: ServiceOptions = {}): Promise<ServiceProcess> {
    const root = join(__dirname, '..', '..');
    const output = options.logFile ? openSync(options.logFile, 'a') : 'inherit';
    // the build a deployment runs (npm run bench builds it first), with the flags `npm start` gives it, so its memory is the real one
    const child = spawn(process.execPath, [...startFlags(root), join(root, 'dist', 'src', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...(!options.schedulers && { REMINDER_SWEEP_CRON: 'off', REMINDER_DELIVERY_CRON: 'off' }),
        ...env,
      },
      stdio: ['ignore', output, output],
    });
    if (typeof output === 'number') closeSync(output);
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited (${child.exitCode ?? child.signalCode}) before answering /health`);
      try {
        if ((await fetch(`${service.baseUrl}/health`)).ok) return service;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`the service did not answer /health within ${(options.startTimeoutMs ?? 120_000) / 1000} s`);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sends a signal (SIGTERM as an operator stops it, SIGKILL as a crash or the OOM killer would). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resident memory now and at its peak since the last reset, in MB (Linux /proc). */
  memory(): { rssMb: number; peakMb: number } {
    return memoryOf(this.child.pid!);
  }

  /**
   * The embedded database's own process (src/database/open-database.ts), which holds PGlite and its
   * memory as a server's processes would; null on a PostgreSQL server.
   */
  get databasePid(): number | null {
    const pid = this.child.pid!;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.find(isEmbeddedDatabase) ?? null;
  }

  /** The embedded database process's memory as memory() gives the service's; null on a server. */
  databaseMemory(): { rssMb: number; peakMb: number } | null {
    const pid = this.databasePid;
    return pid === null ? null : memoryOf(pid);
  }

  /** Starts measuring the peak afresh, the embedded database's too (writing 5 to clear_refs resets VmHWM, Linux 4.0+). */
  resetPeak(): void {
    for (const pid of [this.child.pid!, this.databasePid]) if (pid !== null) writeFileSync(`/proc/${pid}/clear_refs`, '5');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}

/** Whether the process is an embedded database's (src/database/embedded-database-process.ts). */
export function isEmbeddedDatabase(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('embeddedDatabaseProcess');
  } catch {
    return false;
  }
}

/** Whether the process is there and not a zombie (a killed process's child lingers as one until reaped). */
export function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** User and system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  // the fields after the command's closing parenthesis: utime and stime are the 12th and 13th
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A process's resident memory now and at its peak since the last reset, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** A logged-in client of the service; logs in again before the 15-minute access token runs out. */
export class Client {
  private token = '';
  private loggedInAt = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  /** Logs in again when the token is older than `age` ms (the access token lasts 15 minutes). */
  async logInIfOlderThan(age: number): Promise<void> {
    if (Date.now() - this.loggedInAt <= age) return;
    const response = await fetch(`${this.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.username, password: this.password }),
    });
    if (!response.ok) throw new Error(`login of ${this.username}: ${response.status} ${await response.text()}`);
    this.token = ((await response.json()) as { accessToken: string }).accessToken;
    this.loggedInAt = Date.now();
  }

  private async headers(): Promise<Record<string, string>> {
    await this.logInIfOlderThan(10 * 60_000);
    return { authorization: `Bearer ${this.token}` };
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { headers: await this.headers() });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response;
  }

  async getJson<T>(path: string): Promise<T> {
    return (await (await this.get(path)).json()) as T;
  }

  /** The answer as it is, refusals too: a 4xx is an answer the product gives, a 5xx is still an error. */
  async answer<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(this.baseUrl + path, { headers: await this.headers() });
    if (response.status >= 500) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { ...(await this.headers()), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/**
 * The V8 flags of `npm start` (package.json), which is how the service is run: its heap cap holds the
 * service's memory down (issue 17), so what is measured here must run under it too.
 */
function startFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}
