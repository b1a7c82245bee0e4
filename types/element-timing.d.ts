// The Element Timing API's attribute (https://wicg.github.io/element-timing/): the browser reports
// when an element so marked is first painted, which the roadmap's benchmark reads.
import "react";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged interface repeats React's type parameter
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
