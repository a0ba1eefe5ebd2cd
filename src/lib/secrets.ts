import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random, URL-safe token with 256 bits of entropy, optionally prefixed (e.g. "cst_" for API tokens). */
export function generateToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 hashes: a stolen database does not give working links or sessions. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Compares two strings in constant time (for CSRF tokens and other secrets). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

const argonOptions = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable with isolated modules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

/** Verifies a password against its argon2id hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has, so that unknown accounts take as long to refuse as known ones. */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(generateToken());
  return decoyHash;
}

export const PASSWORD_MIN_LENGTH = 10;
