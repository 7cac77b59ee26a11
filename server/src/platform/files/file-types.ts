/** Evidence types accepted, recognised by their first bytes rather than by the name a client sends. */
const signatures: { type: string; extensions: string[]; matches: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    extensions: ['png'],
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/gif',
    extensions: ['gif'],
    matches: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  },
  {
    type: 'image/webp',
    extensions: ['webp'],
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', extensions: ['pdf'], matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'text/plain', extensions: ['txt', 'eml'], matches: isPlainText },
];

function isPlainText(b: Buffer): boolean {
  const sample = b.subarray(0, 4096);
  if (sample.includes(0)) return false;
  return new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteUtf8(sample))) !== undefined;
}

// Cutting a sample can split a multi-byte character; stop before an incomplete tail.
function lastCompleteUtf8(b: Buffer): number {
  let end = b.length;
  for (let i = Math.max(0, b.length - 3); i < b.length; i++) {
    const byte = b[i] ?? 0;
    if (byte >= 0xc0) end = i;
  }
  return end;
}

export const allowedAttachmentTypes = signatures.map((s) => s.type);

/**
 * The verified content type of an upload, or a reason it is refused: the declared type must be
 * allowed, the bytes must be of that type, and the file name's extension must agree.
 */
export function checkAttachment(
  fileName: string,
  declaredType: string,
  data: Buffer,
): { type: string } | { problem: string } {
  const signature = signatures.find((s) => s.type === declaredType);
  if (!signature)
    return { problem: `type ${declaredType} is not allowed (allowed: ${allowedAttachmentTypes.join(', ')})` };
  if (data.length === 0) return { problem: 'the file is empty' };
  if (!safeMatch(signature.matches, data)) return { problem: `the content is not ${declaredType}` };
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!signature.extensions.includes(extension)) {
    return { problem: `a ${declaredType} file should end in .${signature.extensions.join(' or .')}` };
  }
  return { type: signature.type };
}

function safeMatch(matches: (b: Buffer) => boolean, data: Buffer): boolean {
  try {
    return matches(data);
  } catch {
    // A decoder error means the bytes are not of the claimed type.
    return false;
  }
}

// Control characters are exactly what must go from a name sent back in a header.
// eslint-disable-next-line no-control-regex
const unsafeInFileName = /[\u0000-\u001f\u007f"<>:|?*]/g;

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'bestand';
  const cleaned = base.normalize('NFC').replace(unsafeInFileName, '_').trim();
  return (cleaned || 'bestand').slice(0, 200);
}
