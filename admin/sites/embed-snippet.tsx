import type { Site } from '../../server/schema/site.ts';
import { embedSnippet } from '../../widget/loader/stub.ts';
import { CopyButton } from '../forms/copy-button.tsx';

/** The snippet in a read-only box with a copy button. */
export function EmbedSnippet({ site, origin }: { site: Site; origin: string }) {
  const text = embedSnippet(origin, site.publicKey, site.identityVerification);
  return (
    <section class="card" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed snippet</h2>
      <p class="hint">Add this to every page of the product, before the closing body tag.</p>
      <pre class="snippet">
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label="Copy snippet" />
    </section>
  );
}
