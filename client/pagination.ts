/** List actions page with MaxResults (at most 100) and an opaque NextToken; an empty token ends the list. */

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Yields every item of every page, fetching the next page only when the caller gets there. */
export async function* paginate<T>(fetchPage: (nextToken: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield* page.items;
    token = page.nextToken || undefined;
  } while (token);
}

/** Collects an async iterable into an array (for callers that want everything at once). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
