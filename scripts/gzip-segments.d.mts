/** A body's parts (split at its nonce), each compressed once as a raw deflate segment. */
export type CompressedParts = {
  segments: Buffer[];
  partLengths: number[];
  partCrcs: number[];
  partShifts: number[];
  nonceLength: number;
  bytes: number;
};

/** A body split at each occurrence of its nonce: the parts a kept answer is made of. */
export function splitAtNonce(body: Buffer, nonce: Buffer): Buffer[];
/** Compresses a body's parts once, for any nonce of `nonceLength` bytes to go between them later. */
export function compressParts(parts: Buffer[], options: { nonceLength: number; level?: number }): CompressedParts;
/** The gzip answer for the parts joined with `nonce`, as pieces to send in order (null: a body without a nonce). */
export function gzipWithNonce(compressed: CompressedParts, nonce: Buffer | null): Buffer[];
/** The parts again, uncompressed. */
export function decompressParts(compressed: CompressedParts): Buffer[];
/** What appending `length` bytes multiplies a CRC-32 by. */
export function crc32Shift(length: number): number;
/** The CRC-32 of A followed by B, from A's CRC, B's CRC and crc32Shift(B's length). */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number;
