import { preload } from '../ui/chunks.ts';
import { mountUi } from '../ui/mount.tsx';
import type { Host, Surfaces } from './host.ts';
import { createModel } from './model.ts';
import { attachRoot, createRoot } from './root.ts';

/**
 * The lazily loaded entry (`/widget/ui-[hash].js`), imported by the loader only when there is something
 * to show or the feed is needed: the signals model, the shadow root and the Preact app live here, so
 * pages with nothing to show never download them. Each surface's code is a chunk of its own, which the
 * model has downloaded as soon as a message's trigger is armed (`preload`).
 */
export function start(host: Host): Surfaces {
  const model = createModel(host, preload);
  const root = createRoot();
  mountUi(root.shadowRoot as ShadowRoot, model.view);
  return {
    ...model,
    route() {
      attachRoot(root);
      model.route();
    },
  };
}
