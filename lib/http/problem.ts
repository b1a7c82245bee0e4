import "server-only";
import { NextResponse } from "next/server";
import { AppError, type InvalidParam } from "@/lib/errors";
import { isHttpsApp } from "./origin";
import { HSTS } from "./security-headers";

const TITLES: Record<number, string> = {
  400: "Invalid request parameters",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Content too large",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

/** An RFC 9457 problem details response. `invalid-params` names each bad parameter. */
export function problem(
  status: number,
  detail: string,
  options: { invalidParams?: InvalidParam[]; instance?: string; extra?: Record<string, unknown> } = {},
): NextResponse {
  const body: Record<string, unknown> = {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
  };
  if (options.instance) body.instance = options.instance;
  if (options.invalidParams?.length) body["invalid-params"] = options.invalidParams;
  Object.assign(body, options.extra);
  return NextResponse.json(body, { status, headers: { "content-type": "application/problem+json" } });
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/**
 * What every API answer carries besides next.config.ts's headers: `Cache-Control: no-store`
 * (answers depend on who asks, so no browser or proxy may keep them) unless the handler chose
 * its own, and HSTS when the app is served over https.
 */
function withApiHeaders(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  if (isHttpsApp()) response.headers.set("strict-transport-security", HSTS);
  return response;
}

/**
 * Wraps a route handler to map errors: an AppError becomes its problem response; anything
 * else is logged and becomes a generic 500 that leaks nothing.
 */
export function withProblemDetails<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const instance = new URL(request.url).pathname;
    try {
      return withApiHeaders(await handler(request, context));
    } catch (error) {
      if (error instanceof AppError) {
        return withApiHeaders(problem(error.status, error.message, { invalidParams: error.invalidParams, instance, extra: error.extra }));
      }
      console.error(`Unhandled error in ${request.method} ${instance}`, error);
      return withApiHeaders(problem(500, "The server could not complete the request.", { instance }));
    }
  };
}
