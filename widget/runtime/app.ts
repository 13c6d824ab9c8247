import { mountUi } from '../ui/mount.tsx';
import type { Host, Surfaces } from './host.ts';
import { setDebug } from './log.ts';
import { createModel } from './model.ts';
import { attachRoot, createRoot } from './root.ts';

/**
 * The lazily loaded entry (`/widget/ui-[hash].js`), imported by the loader only when there is something
 * to show or the feed is needed: the signals model, the shadow root and the Preact surfaces live here,
 * so pages with nothing to show never download them.
 */
export function start(host: Host): Surfaces {
  setDebug(host.config.debug);
  const model = createModel(host);
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
