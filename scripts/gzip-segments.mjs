// @ts-check
// A gzip answer assembled from pieces compressed once (docs/decisions/016-response-cache.md).
// A kept page must carry a new nonce every time, so gzipping it whole would cost a few ms of CPU
// per answer. Instead each part between the nonces is compressed once, as a raw deflate segment
// that ends byte-aligned and not final (a sync flush); an answer is then a gzip header, the
// segments with the new nonce between them as stored (uncompressed) blocks, a final empty block
// and the trailer. The trailer's CRC-32 is combined from each part's, so an answer costs
// microseconds whatever the body's size.
//
// Each segment is compressed with the body before it as its preset dictionary (as the reader
// will have it in its window), so it can point back across the nonces as a whole-body gzip does.
// The nonces in that dictionary are a filler byte that text never contains (0xFF is not in UTF-8):
// a part without that byte can never copy from where the nonce will be. A part that does contain
// it is compressed without a dictionary.
import { crc32, deflateRawSync, inflateRawSync, constants as zlibConstants } from "node:zlib";

/** How far back deflate can point: the dictionary is at most this much of what precedes a part. */
const WINDOW_BYTES = 32 * 1024;
const FILLER = 0xff;
/** ID1 ID2, deflate, no flags, no time, no extra flags, unknown operating system (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final stored block of no bytes (RFC 1951, 3.2.4): ends the deflate stream. */
const FINAL_EMPTY_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/**
 * @typedef {object} CompressedParts
 * @property {Buffer[]} segments  one raw deflate segment per part (empty for an empty part)
 * @property {number[]} partLengths
 * @property {number[]} partCrcs  CRC-32 of each part
 * @property {number[]} partShifts  what combining a CRC with each part's multiplies it by
 * @property {number} nonceLength  the length of every nonce put between the parts
 * @property {number} bytes  memory kept, about
 */

/**
 * A body split at each occurrence of its nonce: the parts a kept answer is made of.
 * @param {Buffer} body @param {Buffer} nonce
 * @returns {Buffer[]}
 */
export function splitAtNonce(body, nonce) {
  /** @type {Buffer[]} */
  const parts = [];
  let start = 0;
  for (let at = body.indexOf(nonce); at !== -1; at = body.indexOf(nonce, start)) {
    parts.push(body.subarray(start, at));
    start = at + nonce.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/**
 * Compresses a body's parts once, for any nonce of `nonceLength` bytes to go between them later.
 * Synchronous: zlib's asynchronous calls cost about six times the CPU here, one zlib stream per
 * part allocated afresh on the thread pool (bench/gzip-segments.bench.ts).
 * @param {Buffer[]} parts  the body split at each occurrence of its nonce
 * @param {{ nonceLength: number, level?: number }} options
 * @returns {CompressedParts}
 */
export function compressParts(parts, { nonceLength, level = 6 }) {
  if (nonceLength > 0xffff) throw new RangeError("A nonce longer than a stored block can hold");
  const filler = Buffer.alloc(nonceLength, FILLER);
  /** The body as the reader will have it before each part, nonces as filler. @type {Buffer[]} */
  const before = [];
  const compressed = parts.map((part, index) => {
    const dictionary = index > 0 && part.indexOf(FILLER) === -1 ? lastBytes(before, WINDOW_BYTES) : undefined;
    before.push(part, filler);
    if (part.length === 0) return Buffer.alloc(0);
    return deflateRawSync(part, { level, finishFlush: zlibConstants.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) });
  });
  // One buffer for all segments: zlib's output of a small part is a slice of a 16 KB chunk.
  const packed = Buffer.concat(compressed);
  /** @type {Buffer[]} */
  const segments = [];
  let offset = 0;
  for (const segment of compressed) {
    segments.push(packed.subarray(offset, offset + segment.length));
    offset += segment.length;
  }
  return {
    segments,
    partLengths: parts.map((part) => part.length),
    partCrcs: parts.map((part) => crc32(part)),
    partShifts: parts.map((part) => crc32Shift(part.length)),
    nonceLength,
    bytes: packed.length + 24 * parts.length,
  };
}

/**
 * The gzip answer for the parts joined with `nonce`, as pieces to send in order.
 * @param {CompressedParts} compressed @param {Buffer | null} nonce  null when the body has no nonce (one part)
 * @returns {Buffer[]}
 */
export function gzipWithNonce(compressed, nonce) {
  const { segments, partCrcs, partShifts, partLengths } = compressed;
  if (segments.length > 1 && nonce?.length !== compressed.nonceLength) throw new RangeError(`The nonce must be ${compressed.nonceLength} bytes long`);
  const nonceBlock = nonce && segments.length > 1 ? storedBlock(nonce) : null;
  const pieces = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  segments.forEach((segment, index) => {
    if (index > 0 && nonce && nonceBlock) {
      pieces.push(nonceBlock);
      crc = crc32(nonce, crc);
      length += nonce.length;
    }
    if (segment.length > 0) pieces.push(segment);
    crc = crc32Combine(crc, partCrcs[index] ?? 0, partShifts[index] ?? 0);
    length += partLengths[index] ?? 0;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  pieces.push(FINAL_EMPTY_BLOCK, trailer);
  return pieces;
}

/**
 * The parts again, uncompressed, for a client that does not take gzip.
 * @param {CompressedParts} compressed
 * @returns {Buffer[]}
 */
export function decompressParts(compressed) {
  const nonceBlock = storedBlock(Buffer.alloc(compressed.nonceLength, FILLER));
  const stream = compressed.segments.flatMap((segment, index) => (index > 0 ? [nonceBlock, segment] : [segment]));
  const body = inflateRawSync(Buffer.concat([...stream, FINAL_EMPTY_BLOCK]));
  /** @type {Buffer[]} */
  const parts = [];
  let offset = 0;
  for (const length of compressed.partLengths) {
    parts.push(body.subarray(offset, offset + length));
    offset += length + compressed.nonceLength;
  }
  return parts;
}

/**
 * The last `count` bytes of the pieces joined (fewer if they hold fewer).
 * @param {Buffer[]} pieces @param {number} count
 */
function lastBytes(pieces, count) {
  const tail = [];
  let bytes = 0;
  for (let index = pieces.length - 1; index >= 0 && bytes < count; index--) {
    const piece = pieces[index] ?? Buffer.alloc(0);
    tail.unshift(piece);
    bytes += piece.length;
  }
  const joined = Buffer.concat(tail);
  return joined.subarray(Math.max(0, joined.length - count));
}

/**
 * A stored, not final, deflate block holding `data` (RFC 1951, 3.2.4); the stream before it ends
 * on a byte boundary, so its three header bits fill a byte.
 * @param {Buffer} data
 */
function storedBlock(data) {
  const header = Buffer.from([0, data.length & 0xff, data.length >>> 8, ~data.length & 0xff, (~data.length >>> 8) & 0xff]);
  return Buffer.concat([header, data]);
}

// CRC-32 of a concatenation from the CRC-32 of its pieces, as zlib's crc32_combine_gen and
// crc32_combine_op do: polynomial arithmetic modulo the CRC's polynomial (reflected).
const POLYNOMIAL = 0xedb88320;

/** a·b modulo the polynomial. @param {number} a @param {number} b */
function multiplyModPolynomial(a, b) {
  let product = 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0..31. */
const X_POWERS = [0x40000000];
for (let k = 1; k < 32; k++) X_POWERS.push(multiplyModPolynomial(X_POWERS[k - 1] ?? 0, X_POWERS[k - 1] ?? 0));

/**
 * x^(8·length) modulo the polynomial: what appending `length` bytes multiplies a CRC by.
 * @param {number} length
 */
export function crc32Shift(length) {
  let power = 0x80000000;
  for (let k = 3, n = length; n > 0; n = Math.floor(n / 2), k++) if (n % 2) power = multiplyModPolynomial(X_POWERS[k % 32] ?? 0, power);
  return power;
}

/**
 * The CRC-32 of A followed by B, from A's CRC, B's CRC and B's shift (crc32Shift of B's length).
 * @param {number} crcA @param {number} crcB @param {number} shiftB
 */
export function crc32Combine(crcA, crcB, shiftB) {
  return (multiplyModPolynomial(shiftB, crcA) ^ crcB) >>> 0;
}
