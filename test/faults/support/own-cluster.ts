import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/**
 * A PostgreSQL cluster of the test's own (`initdb` in a temporary directory, on a free port), so a
 * test can stop it, freeze it and bring it back without touching the server the other suites use.
 * PostgreSQL refuses to run as root: as root (CI), its files belong to the `postgres` user and its
 * commands run as him.
 */
export class OwnCluster {
  private constructor(
    readonly directory: string,
    readonly port: number,
  ) {}

  static async create(): Promise<OwnCluster> {
    const directory = mkdtempSync('/tmp/wages-faults-cluster-');
    const cluster = new OwnCluster(directory, await freePort());
    if (asRoot()) execFileSync('chown', ['postgres:postgres', directory]);
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    cluster.start();
    return cluster;
  }

  private get dataDir(): string {
    return join(this.directory, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    this.run('pg_ctl', [
      '-D', this.dataDir, '-l', join(this.directory, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.directory} -c fsync=off`,
      'start',
    ]);
  }

  /** As a crash or a pulled plug would: at once, without a checkpoint (the next start recovers from the WAL). */
  stopAbruptly(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }

  /**
   * Freezes the server and every one of its processes (SIGSTOP), as a hung host or a storage stall
   * does: connections stay open and the kernel still accepts new ones, but nothing answers.
   */
  freeze(): void {
    this.signalAll('SIGSTOP');
  }

  thaw(): void {
    this.signalAll('SIGCONT');
  }

  private signalAll(signal: NodeJS.Signals): void {
    for (const pid of this.processes()) {
      try {
        process.kill(pid, signal);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // a backend that ended meanwhile
      }
    }
  }

  createDatabase(name: string): void {
    this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
  }

  destroy(): void {
    try {
      this.thaw();
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) this.stopAbruptly();
    } finally {
      rmSync(this.directory, { recursive: true, force: true });
    }
  }

  /** The postmaster and its children (backends, checkpointer, WAL writer…), from /proc. */
  private processes(): number[] {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return [];
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]) === postmaster;
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  private run(command: string, args: string[]): void {
    const binary = join(postgresBinaries(), command);
    if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'pipe', cwd: '/tmp' });
    else execFileSync(binary, args, { stdio: 'pipe' });
  }
}

function asRoot(): boolean {
  return userInfo().uid === 0;
}

/** The newest installed PostgreSQL's programs (Debian keeps initdb and pg_ctl out of the PATH). */
function postgresBinaries(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed under /usr/lib/postgresql');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}
