import { type ProposeOptions, type Proposal, propose, type TrackedWorkstream } from "./propose";
import { type ReadReport, readReport } from "./reader";

export type { Proposal, ProposeOptions, TrackedWorkstream } from "./propose";

/** The whole pipeline on a document's text: read it, then propose against the tracker. */
export function ingestText(text: string, tracker: TrackedWorkstream[], options: ProposeOptions): { read: ReadReport; proposals: Proposal[] } {
  const read = readReport(text);
  return { read, proposals: propose(read, tracker, options) };
}
