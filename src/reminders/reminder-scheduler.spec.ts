import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { FixedClock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { DeliveryService } from './delivery.service';
import { ReminderScheduler } from './reminder-scheduler';
import { RemindersService } from './reminders.service';

/** Issue 16, item 8: the every-minute delivery run must not start again while this instance's last one is still sending. */
describe('ReminderScheduler', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  function schedulerWith(deliverDue: jest.Mock, sweep: jest.Mock = jest.fn()) {
    return new ReminderScheduler(
      { doesExist: () => false } as unknown as SchedulerRegistry,
      { sweep } as unknown as RemindersService,
      { deliverDue } as unknown as DeliveryService,
      new FixedClock(new Date('2027-01-06T07:00:00+08:00')),
      {} as AppConfig,
    );
  }

  it('skips a delivery tick while the previous run is still sending, and runs the next one after it ends', async () => {
    const finish: ((value: { delivered: number; failed: number }) => void)[] = [];
    const deliverDue = jest.fn(() => new Promise((resolve) => finish.push(resolve)));
    const scheduler = schedulerWith(deliverDue);

    const first = scheduler.deliverOnce();
    const second = scheduler.deliverOnce(); // the next minute's tick, while the first run still waits on a slow endpoint
    expect(deliverDue).toHaveBeenCalledTimes(1);

    finish.forEach((resolve) => resolve({ delivered: 40, failed: 0 }));
    await Promise.all([first, second]);
    const third = scheduler.deliverOnce();
    expect(deliverDue).toHaveBeenCalledTimes(2);
    finish.forEach((resolve) => resolve({ delivered: 0, failed: 0 }));
    await third;
  });

  it('runs the next delivery tick after a run that failed', async () => {
    const deliverDue = jest.fn().mockRejectedValueOnce(new Error('database gone')).mockResolvedValueOnce({ delivered: 1, failed: 0 });
    const scheduler = schedulerWith(deliverDue);
    await scheduler.deliverOnce();
    await scheduler.deliverOnce();
    expect(deliverDue).toHaveBeenCalledTimes(2);
  });

  it('skips a sweep tick while the previous sweep is still running', async () => {
    const finish: ((value: { created: number; planned: number }) => void)[] = [];
    const sweep = jest.fn(() => new Promise((resolve) => finish.push(resolve)));
    const scheduler = schedulerWith(jest.fn(), sweep);
    const first = scheduler.runOnce();
    const second = scheduler.runOnce();
    expect(sweep).toHaveBeenCalledTimes(1);
    finish.forEach((resolve) => resolve({ created: 0, planned: 0 }));
    await Promise.all([first, second]);
  });

  it('on shutdown, lets the send in hand finish, claims no more, and starts no new run', async () => {
    let finish: (value: { delivered: number; failed: number }) => void = () => {};
    let keepGoing: () => boolean = () => true;
    const deliverDue = jest.fn((asked: () => boolean) => {
      keepGoing = asked;
      return new Promise((resolve) => (finish = resolve));
    });
    const scheduler = schedulerWith(deliverDue);
    const run = scheduler.deliverOnce();
    expect(keepGoing()).toBe(true);
    let stopped = false;
    const shutdown = scheduler.beforeApplicationShutdown().then(() => (stopped = true));
    await Promise.resolve();
    expect(keepGoing()).toBe(false); // the run claims nothing more
    expect(stopped).toBe(false); // and the shutdown waits for the send in hand
    finish({ delivered: 1, failed: 0 });
    await Promise.all([run, shutdown]);
    expect(stopped).toBe(true);
    await scheduler.deliverOnce();
    expect(deliverDue).toHaveBeenCalledTimes(1);
  });

  it('tries a sweep the database refused again a minute later, the same day', async () => {
    jest.useFakeTimers();
    try {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      const sweep = jest.fn().mockRejectedValueOnce(refused).mockResolvedValueOnce({ created: 3, planned: 3 });
      const scheduler = schedulerWith(jest.fn(), sweep);
      await scheduler.runOnce();
      expect(sweep).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(sweep).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(120_000);
      expect(sweep).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
