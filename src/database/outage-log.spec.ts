import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  it('logs the first failure, leaves out the rest of the minute, and says how many it left out', () => {
    const lines: string[] = [];
    const log = new OutageLog((line) => lines.push(line), 60_000);
    log.report('Database unreachable: connect ECONNREFUSED', 0);
    for (let ms = 100; ms < 60_000; ms += 100) log.report('Database unreachable: connect ECONNREFUSED', ms);
    expect(lines).toEqual(['Database unreachable: connect ECONNREFUSED']);
    log.report('Database unreachable: Query read timeout', 61_000);
    expect(lines[1]).toBe('Database unreachable: Query read timeout (and 599 like it left out of the log since the last one, 61 s ago)');
  });

  it('logs a failure a minute after the last one as it is, when nothing was left out', () => {
    const lines: string[] = [];
    const log = new OutageLog((line) => lines.push(line), 60_000);
    log.report('a', 0);
    log.report('b', 120_000);
    expect(lines).toEqual(['a', 'b']);
  });
});
