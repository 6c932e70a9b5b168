import { Worker } from 'node:worker_threads';
import { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';

/** Workers' id numbers and mobiles, sealed as the service stores them. */
export interface SealedBatch {
  idNumbersSealed: string[];
  idNumberHashes: string[];
  mobilesSealed: (string | null)[];
}

export interface Sealer {
  seal(idNumbers: string[], mobiles: (string | null)[]): Promise<SealedBatch>;
  close(): Promise<void>;
}

/** Seals on the calling thread with the given cipher. */
export class InlineSealer implements Sealer {
  constructor(private readonly cipher: PersonalDataCipher) {}

  async seal(idNumbers: string[], mobiles: (string | null)[]): Promise<SealedBatch> {
    return sealWith(this.cipher, idNumbers, mobiles);
  }

  async close(): Promise<void> {}
}

export function sealWith(cipher: PersonalDataCipher, idNumbers: string[], mobiles: (string | null)[]): SealedBatch {
  return {
    idNumbersSealed: idNumbers.map((id) => cipher.encrypt(id)),
    idNumberHashes: idNumbers.map((id) => cipher.lookupHash(id)),
    mobilesSealed: mobiles.map((mobile) => (mobile === null ? null : cipher.encrypt(mobile))),
  };
}

/**
 * The thread's program: the service's own PersonalDataCipher, built from the same key. Loaded from the
 * compiled module when the seed runs from JavaScript, through ts-node when it runs from TypeScript.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.module.endsWith('.ts')) require('ts-node').register({ transpileOnly: true });
const { PersonalDataCipher } = require(workerData.module);
const cipher = new PersonalDataCipher(Buffer.from(workerData.key));
parentPort.on('message', ({ ticket, idNumbers, mobiles }) => {
  try {
    parentPort.postMessage({
      ticket,
      idNumbersSealed: idNumbers.map((id) => cipher.encrypt(id)),
      idNumberHashes: idNumbers.map((id) => cipher.lookupHash(id)),
      mobilesSealed: mobiles.map((mobile) => (mobile === null ? null : cipher.encrypt(mobile))),
    });
  } catch (error) {
    parentPort.postMessage({ ticket, error: String(error && error.stack || error) });
  }
});`;

/**
 * Seals on a worker thread, so the AES-GCM and HMAC work of millions of workers (about a third of the
 * generator's time) runs on the other core while the main thread goes on generating.
 */
export class ThreadSealer implements Sealer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (batch: SealedBatch) => void; reject: (error: Error) => void }>();
  private nextTicket = 0;

  private constructor(personalDataKey: Buffer) {
    this.worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { key: new Uint8Array(personalDataKey), module: require.resolve('../../src/personal-data/personal-data-cipher') },
    });
    this.worker.unref();
    this.worker.on('message', (message: SealedBatch & { ticket: number; error?: string }) => {
      const waiter = this.waiting.get(message.ticket);
      this.waiting.delete(message.ticket);
      if (!waiter) return;
      if (message.error) waiter.reject(new Error(`sealing thread: ${message.error}`));
      else waiter.resolve(message);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`sealing thread exited with code ${code}`)));
  }

  /** Starts the thread and checks that it seals with the same key as `cipher` (its output must open). */
  static async start(personalDataKey: Buffer, cipher: PersonalDataCipher): Promise<ThreadSealer> {
    const sealer = new ThreadSealer(personalDataKey);
    const probe = '110101199003074514';
    let sealed: SealedBatch;
    try {
      sealed = await sealer.seal([probe], ['13800138000']);
    } catch (error) {
      await sealer.close();
      throw error;
    }
    let opens = false;
    try {
      opens = cipher.decrypt(sealed.idNumbersSealed[0]) === probe && sealed.idNumberHashes[0] === cipher.lookupHash(probe);
    } catch {
      // another key: GCM authentication fails
    }
    if (!opens) {
      await sealer.close();
      throw new Error('personalDataKey is not the key of the cipher');
    }
    return sealer;
  }

  seal(idNumbers: string[], mobiles: (string | null)[]): Promise<SealedBatch> {
    const ticket = this.nextTicket++;
    return new Promise((resolve, reject) => {
      this.waiting.set(ticket, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ticket, idNumbers, mobiles });
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    }) as Promise<SealedBatch>;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
