import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon, pdfjs-dist and mammoth read uploads: load them from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist", "mammoth"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
