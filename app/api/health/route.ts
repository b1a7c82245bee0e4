import { NextResponse } from "next/server";
import { withProblemDetails } from "@/lib/http/problem";
import { databaseHealth } from "@/lib/queries/health";

/** Liveness and database reachability, for load balancers and the start script. */
export const GET = withProblemDetails(async () => NextResponse.json(await databaseHealth()));
