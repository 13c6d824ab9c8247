import { useState } from 'preact/hooks';
import type { Site } from '../../server/schema/site.ts';
import { CopyButton } from '../forms/copy-button.tsx';

/** The public key (goes in the page) and the secret (signs identity tokens; hidden until asked). */
export function SiteKeys({ site }: { site: Site }) {
  const [shown, show] = useState(false);
  return (
    <section class="card" aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
      <dl class="keys">
        <dt>Public key</dt>
        <dd>
          <code>{site.publicKey}</code> <CopyButton text={site.publicKey} label="Copy public key" />
        </dd>
        <dt>Secret</dt>
        <dd>
          <code>{shown ? site.secret : '••••••••••••••••'}</code>{' '}
          <button type="button" class="button small" aria-pressed={shown} onClick={() => show(!shown)}>
            Show secret
          </button>{' '}
          <CopyButton text={site.secret} label="Copy secret" />
          <p class="hint">Your backend signs identity tokens (HS256) with it. Never put it in a page.</p>
        </dd>
      </dl>
    </section>
  );
}
