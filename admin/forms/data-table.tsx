import type { ComponentChildren } from 'preact';

/** A column heading; `{ sr }` is heard by screen readers but not shown (a column of links). */
export type Column = string | { sr: string };

/**
 * A table that scrolls sideways on a phone, with a caption for screen readers and column headings.
 *
 * @example <DataTable caption="Sites" columns={['Name', { sr: 'Links' }]}>{rows}</DataTable>
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: Column[];
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={typeof c === 'string' ? c : c.sr} scope="col">
                {typeof c === 'string' ? c : <span class="sr-only">{c.sr}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A row's last cell with one link that shows a short word and is named for its row ("Results of Welcome"),
 * so a list of links read out of context still says where each goes.
 *
 * @example <LinkCell href={`/sites/${s.id}/settings`} label={`Settings for ${s.name}`}>Settings</LinkCell>
 */
export function LinkCell({ href, label, children }: { href: string; label: string; children: string }) {
  return (
    <td class="links">
      <a href={href} aria-label={label}>
        {children}
      </a>
    </td>
  );
}

type ListingProps<T> = {
  items: T[] | null;
  loading: string;
  empty: string;
  children: (items: T[]) => ComponentChildren;
};

/** A list that is loading (said politely), empty (said plainly) or there (drawn by `children`). */
export function Listing<T>({ items, loading, empty, children }: ListingProps<T>) {
  if (items === null) return <p role="status">{loading}</p>;
  if (items.length === 0) return <p>{empty}</p>;
  return <>{children(items)}</>;
}

/** A problem said at once (`role="alert"`), or nothing. */
export function Alert({ text }: { text: string | null | undefined }) {
  return text ? (
    <p class="alert" role="alert">
      {text}
    </p>
  ) : null;
}
