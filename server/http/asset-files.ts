import type { Asset, AssetSource } from '../deps.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The content type of a built file, by its extension. */
function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot > path.lastIndexOf('/') && TYPES[path.slice(dot)]) || 'application/octet-stream';
}

/**
 * The built files as the app serves them, over any way of reading one file (a folder on Node, the
 * Worker's static assets at the edge): the `.br` or `.gz` sibling the build wrote when the browser
 * accepts it, else the file itself. `read` answers null for a file that is not there.
 *
 * @example const assets = builtAssets((path) => readFile(join('dist', path)).catch(() => null))
 */
export function builtAssets(read: (path: string) => Promise<Uint8Array | null>): AssetSource {
  return async function readAsset(path: string, acceptEncoding: string): Promise<Asset | null> {
    const contentType = contentTypeOf(path);
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!acceptEncoding.includes(encoding)) continue;
      const body = await read(path + suffix);
      if (body) return { body, contentType, encoding };
    }
    const body = await read(path);
    return body ? { body, contentType } : null;
  };
}
