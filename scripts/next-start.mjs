// `npm start` / `npm run serve`: `next start` on PORT (default 3000) and, when HOSTNAME is set,
// only on that interface (`next start` itself ignores HOSTNAME and listens on every interface).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The arguments for `next start` from the environment. */
export function nextStartArgs(env) {
  const port = env.PORT?.trim() || "3000";
  const hostname = env.HOSTNAME?.trim();
  return ["start", "-p", port, ...(hostname ? ["-H", hostname] : [])];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = nextStartArgs(process.env);
  // PORT is passed on so the server knows its own address (APP_URL's default).
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const server = spawn(process.execPath, [next, ...args], { stdio: "inherit", env: { ...process.env, PORT: args[2] } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
