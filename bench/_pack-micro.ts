import { getDb } from "@/db";
import { prepareDatabase } from "@/db/setup";
import { timelineFrame, timelineBars, portfolioByQuarter, timelineVersion } from "@/lib/queries/timeline";

async function main() {
  const db = getDb();
  prepareDatabase(db, { seed: false });
  let t = performance.now();
  for (let i = 0; i < 20; i++) await timelineVersion();
  console.log("version", ((performance.now() - t) / 20).toFixed(2), "ms");
  t = performance.now();
  const frame = await timelineFrame({}, "en");
  console.log("cold frame (pack)", (performance.now() - t).toFixed(0), "ms", frame.totalRows, "rows", frame.lanes.length, "lanes");
  t = performance.now();
  await timelineFrame({}, "en");
  console.log("warm frame", (performance.now() - t).toFixed(1), "ms");
  t = performance.now();
  const bars = await timelineBars({}, "en", { start: 20000, end: 20800 } as never, 0, 60, "2026-12-06");
  console.log("bars", (performance.now() - t).toFixed(1), "ms", bars.bars.length);
  const quarters = Array.from({ length: 8 }, (_, q) => 20000 + q * 91);
  t = performance.now();
  await portfolioByQuarter({}, quarters as never);
  console.log("portfolio", (performance.now() - t).toFixed(1), "ms");
}

void main();
