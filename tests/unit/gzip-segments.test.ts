import { randomBytes } from "node:crypto";
import { crc32, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressParts, crc32Combine, crc32Shift, decompressParts, gzipWithNonce, splitAtNonce } from "../../scripts/gzip-segments.mjs";

const NONCE_LENGTH = 24;
const newNonce = () => Buffer.from(randomBytes(16).toString("base64"));

const joined = (parts: Buffer[], nonce: Buffer) => Buffer.concat(parts.flatMap((part, index) => (index > 0 ? [nonce, part] : [part])));

const WORDS = "climate digital finance gender data travel security health youth ocean budget review plan report agency network".split(" ");

/**
 * A page-like body: markup with the nonce in its scripts (one every 120 rows, as a rendered
 * page has about one every 10 KB) and a long table of varied rows in between.
 */
function pageLike(nonce: Buffer, rows: number): Buffer {
  let seed = 7;
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length];
  const script = (n: number) => `<script nonce="${nonce}">self.__next_f.push([1,"row ${n} ${"é字".repeat(n % 7)}"])</script>`;
  const table = Array.from(
    { length: rows },
    (_, n) =>
      `<tr><td>${n * 37}</td><td>${word()} ${word()} ${word()}</td><td>${2020 + (n % 9)}-0${1 + (n % 9)}-1${n % 10}</td></tr>${n % 120 === 0 ? script(n) : ""}`,
  );
  return Buffer.from(`<!DOCTYPE html><html><head><script nonce="${nonce}" src="/a.js"></script></head><body><table>${table.join("")}</table></body></html>`);
}

const CASES: [string, () => { body: Buffer; nonce: Buffer }][] = [
  [
    "no nonce (a JSON answer)",
    () => ({ body: Buffer.from(JSON.stringify({ items: Array.from({ length: 500 }, (_, id) => ({ id, title: `Milestone ${id}` })) })), nonce: newNonce() }),
  ],
  [
    "the nonce at the start",
    () => {
      const nonce = newNonce();
      return { body: Buffer.concat([nonce, Buffer.from("<p>after</p>".repeat(300))]), nonce };
    },
  ],
  [
    "the nonce at the end",
    () => {
      const nonce = newNonce();
      return { body: Buffer.concat([Buffer.from("<p>before</p>".repeat(300)), nonce]), nonce };
    },
  ],
  [
    "nonces side by side (empty parts)",
    () => {
      const nonce = newNonce();
      return { body: Buffer.concat([Buffer.from("a".repeat(2000)), nonce, nonce, nonce, Buffer.from("b")]), nonce };
    },
  ],
  [
    "only the nonce",
    () => {
      const nonce = newNonce();
      return { body: nonce, nonce };
    },
  ],
  ["an empty body", () => ({ body: Buffer.alloc(0), nonce: newNonce() })],
  [
    "a page of 1 MB",
    () => {
      const nonce = newNonce();
      return { body: pageLike(nonce, 16_000), nonce };
    },
  ],
  [
    "random bytes, the filler byte among them",
    () => {
      const nonce = newNonce();
      return { body: Buffer.concat([randomBytes(50_000), nonce, Buffer.from([0xff, 0xff, 0xff]), randomBytes(40_000), nonce, randomBytes(100)]), nonce };
    },
  ],
  [
    "UTF-8 text in Arabic and Chinese",
    () => {
      const nonce = newNonce();
      return { body: Buffer.from(`<p>مجلس الرؤساء التنفيذيين ${nonce} 联合国系统行政首长协调理事会</p>`.repeat(400)), nonce };
    },
  ],
];

describe("a gzip answer assembled from parts compressed once", () => {
  it.each(CASES)("decompresses to the body with the new nonce: %s", (_name, make) => {
    const { body, nonce } = make();
    const parts = splitAtNonce(body, nonce);
    const compressed = compressParts(parts, { nonceLength: NONCE_LENGTH });
    const fresh = newNonce();
    // gunzip checks the trailer's CRC-32 and length and fails on either being wrong.
    // Compared as base64: toEqual walks a 1 MB Buffer byte by byte for seconds.
    expect(gunzipSync(Buffer.concat(gzipWithNonce(compressed, parts.length > 1 ? fresh : null))).toString("base64")).toBe(
      joined(parts, fresh).toString("base64"),
    );
    expect(joined(decompressParts(compressed), nonce).toString("base64")).toBe(body.toString("base64"));
  });

  it("carries a different nonce in each answer, from the same compressed parts", () => {
    const nonce = newNonce();
    const compressed = compressParts(splitAtNonce(pageLike(nonce, 500), nonce), { nonceLength: NONCE_LENGTH });
    const [first, second] = [newNonce(), newNonce()];
    const firstBody = gunzipSync(Buffer.concat(gzipWithNonce(compressed, first))).toString();
    const secondBody = gunzipSync(Buffer.concat(gzipWithNonce(compressed, second))).toString();
    expect(firstBody.split(`nonce="${first}"`)).toHaveLength(1 + 1 + Math.ceil(500 / 120));
    expect(secondBody).not.toContain(first.toString());
    expect(secondBody.replaceAll(second.toString(), "N")).toBe(firstBody.replaceAll(first.toString(), "N"));
  });

  it("is within 10% of gzipping the whole body at the same level", () => {
    for (const level of [1, 6, 9]) {
      const nonce = newNonce();
      const body = pageLike(nonce, 6000);
      const compressed = compressParts(splitAtNonce(body, nonce), { nonceLength: NONCE_LENGTH, level });
      const sent = Buffer.concat(gzipWithNonce(compressed, newNonce())).length;
      expect(sent / gzipSync(body, { level }).length).toBeLessThan(1.1);
    }
  });

  it("refuses a nonce of another length than the parts were compressed for", () => {
    const nonce = newNonce();
    const compressed = compressParts(splitAtNonce(pageLike(nonce, 100), nonce), { nonceLength: NONCE_LENGTH });
    expect(() => gzipWithNonce(compressed, Buffer.from("short"))).toThrow(RangeError);
  });

  it("combines CRC-32s as computing it over the whole would", () => {
    for (const [a, b] of [
      [randomBytes(0), randomBytes(10)],
      [randomBytes(10), randomBytes(0)],
      [randomBytes(1), randomBytes(1)],
      [randomBytes(1000), randomBytes(300_001)],
    ] as const) {
      expect(crc32Combine(crc32(a), crc32(b), crc32Shift(b.length))).toBe(crc32(Buffer.concat([a, b])));
    }
  });
});
