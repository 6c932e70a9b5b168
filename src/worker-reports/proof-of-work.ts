import { Inject, Injectable } from '@nestjs/common';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';

/** A challenge stays good while a worker fills the form in, slowly, on a phone. */
const CHALLENGE_MINUTES = 60;
/** The tries a solution takes lie between these, at the configured PBKDF2 rounds each. */
const COUNTER_RANGE = { min: 1_000, max: 3_000 } as const;

export interface ProofOfWork {
  challenge: Challenge;
  solution: Solution;
}

/**
 * The public form's proof of work (ALTCHA, computed in the worker's browser, no outside service): a
 * page must spend some seconds of a phone's processor per report, which a person typing does not
 * notice and a script sending thousands does. The challenge is signed with a secret derived from the
 * personal-data key, so any instance of a deployment checks any other's; checking costs the server one
 * derivation. That each challenge is used once is the repository's to hold (public_challenges_spent).
 */
@Injectable()
export class ProofOfWorkChecker {
  private readonly signatureSecret: string;
  private readonly keySignatureSecret: string;

  constructor(
    cipher: PersonalDataCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.signatureSecret = cipher.secretFor('public-challenge-signature');
    this.keySignatureSecret = cipher.secretFor('public-challenge-key');
  }

  async challenge(): Promise<Challenge> {
    return createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: this.config.publicChallengeCost,
      counter: randomInt(COUNTER_RANGE.min, COUNTER_RANGE.max),
      deriveKey,
      // the expiry is ours to check, by the service's clock (signed with the rest of the parameters)
      data: { expiresAt: Math.floor(this.clock.now().getTime() / 1000) + CHALLENGE_MINUTES * 60 },
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
    });
  }

  /**
   * The challenge's signature (its one-time key) when the solution holds; CHALLENGE_FAILED when it is
   * missing, tampered with, wrong or expired. A form's proof arrives as untrusted JSON: its shape is
   * checked before the library sees it.
   */
  async verify(proof: unknown): Promise<{ signature: string; expiresAt: Date }> {
    if (!isProof(proof)) throw new AppError('CHALLENGE_FAILED');
    const expiresAt = proof.challenge.parameters.data?.expiresAt;
    if (typeof expiresAt !== 'number' || expiresAt * 1000 <= this.clock.now().getTime()) throw new AppError('CHALLENGE_FAILED');
    let verified: boolean;
    try {
      const result = await verifySolution({
        challenge: proof.challenge,
        solution: proof.solution,
        deriveKey,
        hmacSignatureSecret: this.signatureSecret,
        hmacKeySignatureSecret: this.keySignatureSecret,
      });
      verified = result.verified;
    } catch {
      verified = false; // a solution of the wrong shape that passed the outline check
    }
    if (!verified) throw new AppError('CHALLENGE_FAILED');
    return { signature: proof.challenge.signature!, expiresAt: new Date(expiresAt * 1000) };
  }
}

function isProof(value: unknown): value is ProofOfWork {
  if (typeof value !== 'object' || value === null) return false;
  const { challenge, solution } = value as Partial<ProofOfWork>;
  return (
    typeof challenge === 'object' &&
    challenge !== null &&
    typeof challenge.signature === 'string' &&
    challenge.signature.length <= 256 &&
    typeof challenge.parameters === 'object' &&
    challenge.parameters !== null &&
    challenge.parameters.algorithm === 'PBKDF2/SHA-256' &&
    typeof solution === 'object' &&
    solution !== null &&
    Number.isInteger(solution.counter) &&
    typeof solution.derivedKey === 'string' &&
    solution.derivedKey.length <= 256
  );
}
