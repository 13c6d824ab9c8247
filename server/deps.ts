import type { IdMaker } from './http/ids.ts';
import type { LiveSites } from './live/live-sites.ts';
import type { Store } from './store/store.ts';

/** Static files (the built widget, demo and admin) as the app sees them, so Node and Workers can each provide their own. */
export type Asset = { body: Uint8Array; contentType: string; encoding?: 'br' | 'gzip' };
export type AssetSource = (path: string, acceptEncoding: string) => Promise<Asset | null>;

/** Everything the app depends on, passed in (CONVENTIONS #10); only main.ts builds the real ones. */
export type AppDeps = {
  store: Store;
  clock: () => Date;
  ids: IdMaker;
  log: (message: string, detail?: unknown) => void;
  apiToken?: string | undefined;
  publicUrl: string;
  assets?: AssetSource;
};

/** The dependencies routes receive: the app's, plus the live-site cache built once per app. */
export type RouteDeps = AppDeps & { live: LiveSites };
