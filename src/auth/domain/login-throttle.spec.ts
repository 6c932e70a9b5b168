import { ACCOUNT_POLICY, ThrottleState, checkThrottle, longestWait, recordFailure } from './login-throttle';

const start = new Date('2027-01-10T09:00:00+08:00');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function failTimes(count: number, everySeconds: number): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < count; i += 1) state = recordFailure(state, ACCOUNT_POLICY, at(i * everySeconds));
  return state;
}

describe('login throttle', () => {
  it('lets the first three mistakes through without waiting', () => {
    expect(checkThrottle(failTimes(2, 1), ACCOUNT_POLICY, at(2))).toEqual({ allowed: true });
  });

  it('makes the fourth attempt wait one second, the fifth two, then doubling', () => {
    const afterThree = failTimes(3, 1); // last failure at +2s
    expect(checkThrottle(afterThree, ACCOUNT_POLICY, at(2))).toEqual({ allowed: false, locked: false, retryAfterSeconds: 1 });
    expect(checkThrottle(afterThree, ACCOUNT_POLICY, at(3))).toEqual({ allowed: true });
    const afterFive = failTimes(5, 10); // last failure at +40s, wait 4s
    expect(checkThrottle(afterFive, ACCOUNT_POLICY, at(41))).toEqual({ allowed: false, locked: false, retryAfterSeconds: 3 });
  });

  it('locks the account for fifteen minutes at the tenth failure', () => {
    const locked = failTimes(10, 70);
    expect(locked?.lockedUntil).toEqual(at(9 * 70 + 15 * 60));
    expect(checkThrottle(locked, ACCOUNT_POLICY, at(9 * 70 + 60))).toEqual({
      allowed: false,
      locked: true,
      retryAfterSeconds: 14 * 60,
    });
    expect(checkThrottle(locked, ACCOUNT_POLICY, at(9 * 70 + 15 * 60))).toEqual({ allowed: true });
  });

  it('forgets failures after a quiet quarter of an hour', () => {
    const earlier = failTimes(6, 1);
    const later = recordFailure(earlier, ACCOUNT_POLICY, at(5 + 16 * 60));
    expect(later.failures).toBe(1);
  });

  it('answers the longest wait when the account and the address both refuse', () => {
    const account = { allowed: false, locked: false, retryAfterSeconds: 1 } as const;
    const address = { allowed: false, locked: false, retryAfterSeconds: 7 } as const;
    expect(longestWait([account, address])).toEqual(address);
    expect(longestWait([address, account])).toEqual(address);
    expect(longestWait([{ allowed: true }, account])).toEqual(account);
    expect(longestWait([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
  });
});
