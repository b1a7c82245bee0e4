import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";

/** Every /api path that no route serves: a problem+json 404 (not the HTML not-found page), whatever the method. */
const notFound = withProblemDetails((request: Request) => {
  throw new AppError("not_found", `No API resource at ${new URL(request.url).pathname}.`);
});

export { notFound as DELETE, notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as PATCH, notFound as POST, notFound as PUT };
