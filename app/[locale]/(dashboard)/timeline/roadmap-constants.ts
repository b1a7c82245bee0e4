/** Rows fetched per request of the roadmap's bars (a screenful and a half); shared by the page and the browser. */
export const CHUNK_ROWS = 50;
/** Lanes whose names come per request (the page sends the first page with the frame). */
export const LANE_PAGE = 100;
