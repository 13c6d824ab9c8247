import type { AssetSource } from '../deps.ts';
import { builtAssets } from '../http/asset-files.ts';

/** The part of a Worker's static-assets binding (`env.ASSETS`) used here. */
export type AssetFetcher = { fetch(request: Request): Promise<Response> };

/**
 * The built files (`npm run build`'s `dist/`) from the Worker's static assets, served through the app's
 * own asset routes so caching, CSP and CORS headers are the Node server's. Files are asked for by path
 * with no `Accept-Encoding`, so the bytes are the file's own (the `.br` sibling's, when chosen).
 *
 * @example createApp({ ...deps, assets: assetBinding(env.ASSETS) })
 */
export function assetBinding(assets: AssetFetcher): AssetSource {
  return builtAssets(async (path) => {
    const url = new URL(path, 'https://assets.invalid/');
    // A path that climbs out (`..`) or names another host is not a built file.
    if (url.host !== 'assets.invalid' || path.includes('..')) return null;
    const res = await assets.fetch(new Request(url));
    if (res.status !== 200) {
      await res.body?.cancel();
      return null;
    }
    return new Uint8Array(await res.arrayBuffer());
  });
}
