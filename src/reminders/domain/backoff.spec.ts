import { LONGEST_WAIT_SECONDS, retryDelaySeconds } from './backoff';

describe('retry backoff', () => {
  it('waits a minute after the first failure, then twice as long each time', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 120, 240, 480]);
  });

  it('never waits more than six hours', () => {
    expect(retryDelaySeconds(30)).toBe(LONGEST_WAIT_SECONDS);
  });
});
