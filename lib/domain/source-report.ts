import { SOURCE_REPORT } from "@/db/seed/source-report";

/** The document every workstream's and milestone's paragraph reference points into. */
export const SOURCE_REPORT_SYMBOL = SOURCE_REPORT.symbol;
