// Password hashing with scrypt (memory-hard, in Node's own crypto: no native
// dependency to build). Format: scrypt$N$r$p$salt$hash (base64url).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 2 ** 15;
const r = 8;
const p = 1;
const KEY_LEN = 32;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFC"), salt, KEY_LEN, { ...opts, maxmem: 256 * opts.N! * opts.r! }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r, p });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const [alg, n, rr, pp, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(rr), p: Number(pp) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The hashing queue is full: the sign-in says "try again" without hashing. */
export class PasswordBusyError extends Error {
  constructor() {
    super("password hashing is busy");
    this.name = "PasswordBusyError";
  }
}

/**
 * At most `concurrency` jobs at once, at most `queue` more waiting; the next is
 * refused at once (PasswordBusyError) and never runs. Each sign-in's scrypt
 * takes 32 MiB and about a quarter of a second of CPU, so an unbounded flood of
 * sign-ins would take the server's memory and CPU (and Node's thread pool).
 */
export class HashLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new PasswordBusyError();
      // The slot is handed over by the job that finishes (running stays counted).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

const positive = (v: string | undefined, fallback: number, min: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min ? n : fallback;
};

/** The bound on sign-in password checks (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE). */
const signInHashes = new HashLimiter(positive(process.env.PASSWORD_HASH_CONCURRENCY, 2, 1), positive(process.env.PASSWORD_HASH_QUEUE, 8, 0));

/**
 * verifyPassword for the unauthenticated sign-in: bounded by the limiter above;
 * throws PasswordBusyError, without hashing, when the queue is full.
 */
export function verifyPasswordLimited(password: string, stored: string | null | undefined): Promise<boolean> {
  return signInHashes.run(() => verifyPassword(password, stored));
}

/** A hash to compare against when the user does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("dummy-password-for-timing");
  return dummyHash;
}
