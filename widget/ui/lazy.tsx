import { Component, type ComponentType } from 'preact';

/**
 * A component whose code is a separate chunk, fetched when it is first mounted; nothing shows until it
 * arrives, or if it cannot load (the next mount tries again). The admin's pages use it for their charts;
 * the widget's surfaces go through `chunks.ts` instead, which can start a download before anything mounts.
 *
 * @example const LazyPanel = lazy(() => import('./feed-panel.tsx').then((m) => m.FeedPanel));
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  return class Lazy extends Component<P> {
    override componentDidMount() {
      loading ??= load().then(
        (c) => {
          loaded = c;
        },
        () => {
          loading = undefined;
        },
      );
      loading.then(() => this.forceUpdate());
    }
    override render(props: P) {
      const C = loaded;
      return C ? <C {...props} /> : null;
    }
  };
}
