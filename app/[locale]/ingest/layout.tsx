import type { ReactNode } from "react";
import { PageMessages } from "../_components/page-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return <PageMessages page="ingest">{children}</PageMessages>;
}
