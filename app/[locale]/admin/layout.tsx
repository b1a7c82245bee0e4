import type { ReactNode } from "react";
import { PageMessages } from "../_components/page-messages";
import "./admin.css";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <PageMessages page="admin">{children}</PageMessages>;
}
