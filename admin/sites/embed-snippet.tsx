import type { Site } from '../../server/schema/site.ts';
import { EMBED_STUB } from '../../widget/loader/stub.ts';
import { CopyButton } from '../forms/copy-button.tsx';

/**
 * The tags a product page adds (DESIGN, Widget): the loader with the site's public key and the stub
 * that queues calls until it loads. With identity verification on, `identify` passes the token the
 * product's backend signs with the site secret.
 *
 * @example embedSnippet('https://herald.example.com', 'pk_1', 'off')
 */
export function embedSnippet(
  origin: string,
  publicKey: string,
  identity: Site['identityVerification'],
): string {
  const token = identity === 'off' ? '' : ', { token: "<JWT from your backend>" }';
  return `<script async src="${origin}/widget.js" data-site="${publicKey}"></script>
<script>
${EMBED_STUB}
Herald.identify("USER_ID", { plan: "pro" }${token});
</script>`;
}

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
