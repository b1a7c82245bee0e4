import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/permissions";
import { ingestDocument } from "@/lib/commands/ingest";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { uploadedFile } from "@/lib/http/request";
import { listIngestedDocuments } from "@/lib/queries/ingest";

/** Reports read so far, with how many of their proposals wait (editors and admins). */
export const GET = withProblemDetails(async (request: Request) => {
  requireRole(await actorFromRequest(request), "editor");
  return NextResponse.json({ documents: await listIngestedDocuments() });
});

/** Reads an uploaded report (multipart: file, symbol, lang, year) into proposals: 201 with their count. */
export const POST = withProblemDetails(async (request: Request) => {
  const actor = requireRole(await actorFromRequest(request), "editor");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("invalid_input", "Send the report as multipart/form-data with a file.", [{ name: "file", reason: "is required" }]);
  }
  const result = await ingestDocument(actor, await uploadedFile(form.get("file")), {
    symbol: form.get("symbol"),
    lang: form.get("lang"),
    year: form.get("year"),
  });
  return NextResponse.json(result, { status: 201 });
});
