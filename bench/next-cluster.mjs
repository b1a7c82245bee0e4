// @ts-check
// Several app processes behind one port, for the HTTP benchmark on PostgreSQL: node:cluster forks
// WORKERS (default 2) processes that each run scripts/next-start.mjs unchanged; their listen() on
// PORT becomes one socket that this primary accepts on and hands out round-robin. Once every
// worker listens, the primary sends the parent (over IPC, when there is one) the workers' ids.
// SIGTERM or SIGINT stops the workers, then the primary.
import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";

const count = Number(process.env.WORKERS?.trim() || "2");
if (!Number.isInteger(count) || count < 1) throw new Error(`WORKERS must be a whole number of processes, not "${process.env.WORKERS}"`);

cluster.setupPrimary({ exec: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "scripts", "next-start.mjs") });
const workers = Array.from({ length: count }, () => cluster.fork());
let listening = 0;
let stopping = false;
let exitCode = 0;

cluster.on("listening", () => {
  if (++listening === count) process.send?.({ ready: true, workers: workers.map((worker) => worker.process.pid) });
});
cluster.on("exit", (worker, code) => {
  // A worker that dies outside a stop ends the run: a benchmark on fewer processes would mislead.
  if (!stopping) {
    console.error(`Worker ${worker.process.pid} exited with ${code}; stopping the others.`);
    exitCode = 1;
  }
  stop();
});

function stop() {
  stopping = true;
  const alive = workers.filter((worker) => !worker.isDead());
  if (!alive.length) process.exit(exitCode);
  for (const worker of alive) worker.process.kill("SIGTERM");
}

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, stop);
