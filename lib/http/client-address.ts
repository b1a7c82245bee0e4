/**
 * The address a request comes from, for the sign-in throttle.
 *
 * Route handlers and server actions see only headers, so the server stamps the socket's address
 * on every request as `x-ceb-peer-address` (lib/http/peer-address-hook.ts, installed from
 * instrumentation-node.ts), overwriting whatever a client sent under that name.
 *
 * `X-Forwarded-For` is believed only as far as `TRUST_PROXY` says: the number of proxies in front
 * of the app that append to it. With TRUST_PROXY=1 the client is the last address in the header
 * (the one our proxy appended; anything before it the client may have written itself); with 2,
 * the one before that; and so on. Without TRUST_PROXY (or 0) the header is ignored and the
 * socket's address is the client's: behind a proxy that is the proxy's, so set TRUST_PROXY there.
 */
export const PEER_ADDRESS_HEADER = "x-ceb-peer-address";

/** TRUST_PROXY as a number of hops: unset or empty is 0; anything but a whole number is a mistake. */
export function trustedHops(value: string | undefined): number {
  const text = value?.trim() ?? "";
  if (text === "") return 0;
  if (!/^\d{1,2}$/.test(text)) throw new Error(`TRUST_PROXY must be the number of proxies in front of the app (0, 1, 2, …), not "${value}".`);
  return Number(text);
}

export function clientAddress(headers: Headers, trustProxy: string | undefined = process.env.TRUST_PROXY): string {
  const hops = trustedHops(trustProxy);
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // The chain as the last proxy saw it: every forwarded address, then the socket's.
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
