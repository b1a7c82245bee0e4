import "server-only";
import { AppError } from "@/lib/errors";
import { invalidParam } from "@/lib/validation/english-reasons";

/**
 * The most a JSON write may send: 64 KB. The largest valid body (a workstream with every text at
 * its longest, in Chinese, and four translations) is about 45 KB.
 */
export const JSON_BODY_LIMIT = 64 * 1024;

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body is larger than ${limit / 1024} KB.`, [{ name: "body", reason: `must be at most ${limit / 1024} KB` }]);

const notJson = () => new AppError("invalid_input", "The request body is not valid JSON.", [{ name: "body", reason: "is not valid JSON" }]);

/**
 * The JSON body of a request, or a 400 that says it is not JSON, or a 413 when it is larger than
 * `limit`: refused from its declared Content-Length before a byte is read, and otherwise counted
 * while it streams in, so an oversized body is never held in memory. Route handlers call this
 * only after they have checked who is asking.
 */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return {};
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw notJson();
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}

/** Digits only, no leading zero, no sign, at most 15 of them (a safe integer). */
const ID = /^[1-9]\d{0,14}$/;

/**
 * A numeric id from the path, or a 400 naming it. Read strictly: "0x21", "1e3", "033" and " 33"
 * are not ids (JavaScript's Number() would read them as 33, 1000, 33 and 33).
 */
export function parseId(raw: string, name = "id"): number {
  if (!ID.test(raw)) throw new AppError("invalid_input", `Invalid ${name}`, [{ name, reason: "must be a positive whole number" }]);
  return Number(raw);
}

/** The largest report an upload may carry. */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * A form's uploaded file, read into memory for the ingest command, or a 400 naming `file` when
 * there is none or it is larger than `UPLOAD_LIMIT`. The REST upload and the upload form share it.
 */
export async function uploadedFile(value: FormDataEntryValue | null): Promise<{ name: string; bytes: Uint8Array }> {
  if (!(value instanceof File) || value.size === 0) throw new AppError("invalid_input", "A file is required.", [invalidParam("file", "required")]);
  if (value.size > UPLOAD_LIMIT) throw new AppError("invalid_input", "The file is larger than 20 MB.", [invalidParam("file", "tooLarge")]);
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}
