import { hash, verify } from '@node-rs/argon2';

// OWASP's Argon2id baseline: m=19 MiB, t=2, p=1. Algorithm 2 is Argon2id in @node-rs/argon2.
const options = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with Argon2id. */
export const hashPassword = (password: string): Promise<string> => hash(password, options);

/** Constant-time verification of a password against an Argon2id hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same work as a real check, so unknown accounts cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('weerbaar-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** Password rules: length is what matters (NIST SP 800-63B); a short list of obvious ones is refused. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 256) return 'must be at most 256 characters';
  if (/^(.)\1+$/.test(password)) return 'must not repeat one character';
  if (['wachtwoord12', 'password1234', '123456789012'].includes(password.toLowerCase())) {
    return 'is too common';
  }
  return null;
}
