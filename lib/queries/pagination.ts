export type Page<T> = {
  items: T[];
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
};

/** Clamps a requested page into range so a stale link past the end shows the last page. */
export function pageOf(paging: { page: number; pageSize: number }, totalItems: number) {
  const totalPages = Math.max(1, Math.ceil(totalItems / paging.pageSize));
  const page = Math.min(Math.max(1, paging.page), totalPages);
  return { page, pageSize: paging.pageSize, offset: (page - 1) * paging.pageSize, totalPages };
}
