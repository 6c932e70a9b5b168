/*
 * A Web Worker that tries counters for the report form's proof of work. altcha-lib's own worker
 * scripts derive keys with node:crypto; this one uses the browser's WebCrypto PBKDF2, with the
 * library's message handling.
 */
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { handler } from 'altcha-lib/workers/shared';

handler({ deriveKey });
