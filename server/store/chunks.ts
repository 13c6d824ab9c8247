/** Rows per statement: keeps bound parameters under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/** `items` in runs of 500, one statement each. */
export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
