import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("ceb.peerAddressHook");

/**
 * Stamps every incoming HTTP request with its socket's address (`x-ceb-peer-address`), replacing
 * any value the client sent, so route handlers and server actions, which only see headers, can
 * tell who is asking (lib/http/client-address.ts). It wraps `http.Server.prototype.emit` for the
 * "request" event, which `next start` (and a test's server) go through; installing it twice is
 * harmless.
 */
export function installPeerAddressHook(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: [unknown, ...unknown[]]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const address = request.socket?.remoteAddress;
      if (address) request.headers[PEER_ADDRESS_HEADER] = address.startsWith("::ffff:") ? address.slice(7) : address;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof prototype.emit;
  prototype[INSTALLED] = true;
}
