import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { type UserRole, users, workstreamAssignments, workstreams } from "@/db/schema";

export type UserListItem = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  allWorkstreams: boolean;
  isDemo: boolean;
  createdAt: Date;
  assignedCount: number;
};

/** What the admin pages show of an account. */
const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  allWorkstreams: users.allWorkstreams,
  isDemo: users.isDemo,
  createdAt: users.createdAt,
};

/** Every account with how many workstreams it is assigned to, oldest first. */
export async function listUsers(): Promise<UserListItem[]> {
  return await getDb()
    .select({ ...accountColumns, assignedCount: count(workstreamAssignments.workstreamId) })
    .from(users)
    .leftJoin(workstreamAssignments, eq(workstreamAssignments.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.createdAt), asc(users.email));
}

export type UserAccess = Omit<UserListItem, "assignedCount"> & { workstreamIds: number[] };

/** One account with the ids of the workstreams it is assigned to; null when there is none. */
export async function getUserAccess(id: string): Promise<UserAccess | null> {
  const db = getDb();
  const user = (await db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1))[0];
  if (!user) return null;
  const workstreamIds = (
    await db.select({ id: workstreamAssignments.workstreamId }).from(workstreamAssignments).where(eq(workstreamAssignments.userId, id))
  ).map((row) => row.id);
  return { ...user, workstreamIds };
}

export type WorkstreamChoice = { id: number; slug: string; nameEn: string };

/** The workstreams a user is assigned to, in the report's order. */
export async function assignedWorkstreamsOf(userId: string): Promise<WorkstreamChoice[]> {
  return await getDb()
    .select({ id: workstreams.id, slug: workstreams.slug, nameEn: workstreams.nameEn })
    .from(workstreamAssignments)
    .innerJoin(workstreams, eq(workstreams.id, workstreamAssignments.workstreamId))
    .where(eq(workstreamAssignments.userId, userId))
    .orderBy(asc(workstreams.position), asc(workstreams.nameEn));
}

/** Every workstream an editor can be assigned to, in the report's order. */
export async function workstreamChoices(): Promise<WorkstreamChoice[]> {
  return await getDb()
    .select({ id: workstreams.id, slug: workstreams.slug, nameEn: workstreams.nameEn })
    .from(workstreams)
    .orderBy(asc(workstreams.position), asc(workstreams.nameEn));
}
