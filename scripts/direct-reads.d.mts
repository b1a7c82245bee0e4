import type { IncomingMessage, ServerResponse } from "node:http";

export type DirectRequest = { method: string; url: string; headers: Headers };
export type DirectAnswer = { status: number; headers: Record<string, string>; body: string };
export type DirectRead = (request: DirectRequest) => Promise<DirectAnswer | null>;

export function directReads(): Map<string, DirectRead>;
export function withDirectReads(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
): (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;
