import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

const period = 30;

/** A new random base32 TOTP secret (160 bits). */
export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// URI and a QR code (data URL) for enrolment in an authenticator app. */
export async function enrolmentMaterial(secret: string, account: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = generateURI({ issuer: 'Weerbaar', label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return { uri, qrDataUrl };
}

/**
 * Checks a code at `now`, allowing one step of clock drift either way, and returns the time
 * step it matched so the caller can refuse a replay of the same or an older step.
 */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = verifySync({ secret, token: code, epoch, epochTolerance: period });
  if (!result.valid) return null;
  const delta = 'delta' in result && typeof result.delta === 'number' ? result.delta : 0;
  return Math.floor(epoch / period) + delta;
}

/** The current code for a secret; used by the CLI and tests. */
export const totpCode = (secret: string, now: Date): string =>
  generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
