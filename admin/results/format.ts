const int = new Intl.NumberFormat();

/** A count for people: 12,345. */
export const count = (n: number) => int.format(n);

/** A rate 0–1 as a percentage, or a dash when there is nothing to divide by. */
export const percent = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(r < 0.1 ? 1 : 0)}%`);

/** An average rating with one decimal, or a dash. */
export const average = (n: number | null) => (n === null ? '–' : n.toFixed(1));

/** A timestamp in the reader's locale and time zone. */
export const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
