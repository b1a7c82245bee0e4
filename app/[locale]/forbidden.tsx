import { AdminRequired } from "./admin/_components/admin-gate";

/** The 403 page: `forbidden()` is called by admin pages for a signed-in non-admin. */
export default function Forbidden() {
  return <AdminRequired />;
}
