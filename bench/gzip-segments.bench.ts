/**
 * CPU per kept answer of a real page (ADR 016): what the response cache spends to send one
 * answer, (a) gzipping the whole body per answer (as it did), (b) from parts compressed once
 * (scripts/gzip-segments.mjs) or (c) uncompressed; and what compressing the parts once costs at
 * a few levels, with the size against gzipping the whole body.
 *
 *   npx tsx bench/gzip-segments.bench.ts --url http://127.0.0.1:3000/en [--answers 500]
 *
 * Needs a running server (`npm run serve`) for the page: its body and CSP nonce are read once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { compressParts, gzipWithNonce, splitAtNonce } from "../scripts/gzip-segments.mjs";

const NONCE_LENGTH = 24;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds per call of `answer`, the median of `times` calls (after a few to warm up). */
function timePerAnswer(times: number, answer: () => number): { ms: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < 20; i++) bytes = answer();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    bytes = answer();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(samples), bytes };
}

/**
 * CPU milliseconds (user and system, all threads) per call, the median of `times` calls after
 * two to warm up: unlike elapsed time it hardly depends on what else the machine runs.
 */
function cpuPerCall(times: number, call: () => unknown): number {
  for (let i = 0; i < 2; i++) call();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = process.cpuUsage();
    call();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
}

async function fetchPage(url: string): Promise<{ body: Buffer; nonce: string }> {
  const response = await fetch(url, { headers: { "accept-encoding": "identity" }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`);
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  if (!nonce) throw new Error(`${url} has no CSP nonce: is it a page of the app?`);
  return { body: Buffer.from(await response.arrayBuffer()), nonce };
}

const newNonce = () => Buffer.from(randomBytes(16).toString("base64"));
const withNonce = (parts: Buffer[], nonce: Buffer) => parts.flatMap((part, index) => (index > 0 ? [nonce, part] : [part]));
const totalLength = (pieces: Buffer[]) => pieces.reduce((sum, piece) => sum + piece.length, 0);

async function main() {
  const { values } = parseArgs({ options: { url: { type: "string", default: "http://127.0.0.1:3000/en" }, answers: { type: "string", default: "500" } } });
  const answers = Number(values.answers);
  const { body, nonce } = await fetchPage(values.url);
  const parts = splitAtNonce(body, Buffer.from(nonce));
  console.log(`${values.url}: ${(body.length / 1000).toFixed(0)} KB, ${parts.length - 1} nonces; median of ${answers} answers each\n`);

  console.log(
    "| stored once, level | compress the parts (CPU) | gzip the whole body (CPU) | sent (gzip) | gzip of the whole body | × whole |\n|---|---|---|---|---|---|",
  );
  const compressedAt = new Map<number, ReturnType<typeof compressParts>>();
  // The first few hundred zlib streams cost several times more (the allocator warming up).
  for (let i = 0; i < 5; i++) for (const level of [1, 6, 9]) compressParts(parts, { nonceLength: NONCE_LENGTH, level });
  for (const level of [1, 6, 9]) {
    const compressing = cpuPerCall(9, () => compressedAt.set(level, compressParts(parts, { nonceLength: NONCE_LENGTH, level })));
    const gzipping = cpuPerCall(9, () => gzipSync(body, { level }));
    const sent = totalLength(gzipWithNonce(compressedAt.get(level)!, newNonce()));
    const whole = gzipSync(body, { level }).length;
    console.log(
      `| ${level} | ${compressing.toFixed(1)} ms | ${gzipping.toFixed(1)} ms | ${(sent / 1000).toFixed(1)} KB | ${(whole / 1000).toFixed(1)} KB | ${(sent / whole).toFixed(3)} |`,
    );
  }

  const compressed = compressedAt.get(6)!;
  const rows: [string, { ms: number; bytes: number }][] = [
    [
      "(a) gzip of the whole body per answer, level 1 (before)",
      timePerAnswer(answers, () => gzipSync(Buffer.concat(withNonce(parts, newNonce())), { level: 1 }).length),
    ],
    ["(b) parts compressed once, level 6: the pieces", timePerAnswer(answers, () => totalLength(gzipWithNonce(compressed, newNonce())))],
    ["(b) the same, copied into one buffer", timePerAnswer(answers, () => Buffer.concat(gzipWithNonce(compressed, newNonce())).length)],
    ["(c) uncompressed: the pieces", timePerAnswer(answers, () => totalLength(withNonce(parts, newNonce())))],
    ["(c) uncompressed, copied into one buffer (before)", timePerAnswer(answers, () => Buffer.concat(withNonce(parts, newNonce())).length)],
  ];
  console.log("\n| one answer | CPU (median) | bytes sent |\n|---|---|---|");
  for (const [name, { ms, bytes }] of rows) console.log(`| ${name} | ${ms < 0.1 ? ms.toFixed(3) : ms.toFixed(2)} ms | ${(bytes / 1000).toFixed(1)} KB |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
