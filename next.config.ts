import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon, pdfjs-dist and mammoth read uploads: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist", "mammoth"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Admin pages answer a signed-in non-admin with forbidden() (403).
    authInterrupts: true,
    // The report upload is a server action: a report may be 20 MB (UPLOAD_LIMIT in
    // lib/http/request.ts) plus its form fields. The proxy checks every action's Origin, so it
    // must buffer as much, or the action would get a cut-off body.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
  // Security headers on every answer, static files included; the pages' CSP (with its nonce) and
  // HSTS come from proxy.ts, which runs per request (lib/http/security-headers.ts).
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
