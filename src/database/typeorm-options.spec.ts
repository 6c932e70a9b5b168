import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import { servicePoolOptions } from './typeorm-options';

/** A connection that opens at once and records being closed: the pool's behaviour is what is tested. */
class StandInConnection extends EventEmitter {
  static closed = 0;
  /** What pg's own connection says when it can take a query: the pool drops one that cannot. */
  readonly _queryable = true;
  connect(callback: (error?: Error) => void): void {
    callback();
  }
  end(callback?: () => void): void {
    StandInConnection.closed++;
    this.emit('end');
    callback?.();
  }
}

/** How many connections a pool with these options still holds after a connection sat idle for a minute. */
async function connectionsAfterAnIdleMinute(options: Record<string, unknown>): Promise<{ held: number; closed: number }> {
  StandInConnection.closed = 0;
  const pool = new Pool({ ...options, Client: StandInConnection as never });
  const connection = await pool.connect();
  connection.release();
  jest.advanceTimersByTime(60_000);
  return { held: pool.totalCount, closed: StandInConnection.closed };
}

describe('the service pool', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  // pg closes a connection idle for 10 s; the next report then runs on a new backend with cold caches
  it('keeps a connection open however long it sits idle, on a server and on the embedded database', async () => {
    expect(await connectionsAfterAnIdleMinute({})).toEqual({ held: 0, closed: 1 });
    expect(await connectionsAfterAnIdleMinute(servicePoolOptions(false, 10))).toEqual({ held: 1, closed: 0 });
    expect(await connectionsAfterAnIdleMinute(servicePoolOptions(true, 1))).toEqual({ held: 1, closed: 0 });
  });
});
