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
      {} as SchedulerRegistry,
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
});
