import { solveChallenge, solveChallengeWorkers, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../common/api/client';

/** What POST /public/reports takes as `proof`. */
export interface Proof {
  challenge: Challenge;
  solution: Solution;
}

/**
 * A challenge is good for an hour, and a worker may type slowly: one older than this is fetched again
 * at the tap on 提交 rather than be refused.
 */
const FRESH_FOR_MS = 50 * 60_000;

/**
 * The tries run in Web Workers, several at once, so the page stays smooth while he types; a browser
 * that cannot start them does the same on the page's own thread (WebCrypto is asynchronous, so the
 * page still answers, only a little slower).
 */
async function solve(challenge: Challenge): Promise<Solution> {
  let solution: Solution | null;
  try {
    solution = await solveChallengeWorkers({
      challenge,
      concurrency: Math.min(4, navigator.hardwareConcurrency || 2),
      createWorker: () => new Worker(new URL('./proof-of-work.worker.ts', import.meta.url), { type: 'module' }),
      // an old phone takes its time; the challenge itself expires, not the attempt
      timeout: 0,
    });
  } catch {
    solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  }
  if (!solution) throw new Error('the proof of work was not solved');
  return solution;
}

async function fetchAndSolve(): Promise<Proof> {
  const challenge = (await unwrap(api.GET('/public/challenge'))) as unknown as Challenge;
  return { challenge, solution: await solve(challenge) };
}

/**
 * The report's proof of work: a challenge fetched when the form opens and solved in the background
 * while the worker types. `take` gives the solved proof (waiting for it when not ready yet, fetching a
 * new one when it is old or the last attempt failed); `renew` starts over after the API answered
 * CHALLENGE_FAILED (a challenge is good once). A solved proof is kept after any other refusal and after
 * a lost answer: sent again for the same id number, the API answers the receipt it already made with
 * it, so a tap repeated on a bad connection makes no second report.
 */
export function useProofOfWork(): { ready: boolean; take(): Promise<Proof>; renew(): void } {
  const pending = useRef<{ startedAt: number; proof: Promise<Proof> } | null>(null);
  const [ready, setReady] = useState(false);

  const start = useCallback(() => {
    const attempt = { startedAt: Date.now(), proof: fetchAndSolve() };
    pending.current = attempt;
    setReady(false);
    attempt.proof.then(
      () => {
        if (pending.current === attempt) setReady(true);
      },
      () => {
        // no network on the site, say: the next take tries again
        if (pending.current === attempt) pending.current = null;
      },
    );
    return attempt.proof;
  }, []);

  useEffect(() => {
    if (!pending.current) void start().catch(() => undefined);
  }, [start]);

  const take = useCallback(() => {
    const current = pending.current;
    if (current && Date.now() - current.startedAt < FRESH_FOR_MS) return current.proof;
    return start();
  }, [start]);

  const renew = useCallback(() => {
    void start().catch(() => undefined);
  }, [start]);

  return { ready, take, renew };
}
