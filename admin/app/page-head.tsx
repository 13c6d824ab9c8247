import type { ComponentChildren } from 'preact';
import { usePageTitle } from './page-title.ts';

/**
 * A page's heading with the actions beside it; the heading also names the browser tab.
 *
 * @example <PageHead title="Releases"><a class="button primary" href="…">New release</a></PageHead>
 */
export function PageHead({ title, children }: { title: string; children?: ComponentChildren }) {
  usePageTitle(title);
  return (
    <div class="page-head">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
