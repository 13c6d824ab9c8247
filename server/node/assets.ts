import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
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

async function tryRead(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/**
 * Serves built files from a folder, preferring the `.br` or `.gz` sibling the build wrote when the browser
 * accepts it. Paths that climb out of the folder are refused.
 */
export function folderAssets(root: string): AssetSource {
  const base = normalize(root) + sep;
  return async function readAsset(path: string, acceptEncoding: string): Promise<Asset | null> {
    const full = normalize(join(base, path));
    if (!full.startsWith(base)) return null;
    const contentType = TYPES[extname(full)] ?? 'application/octet-stream';
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!acceptEncoding.includes(encoding)) continue;
      const body = await tryRead(full + suffix);
      if (body) return { body, contentType, encoding };
    }
    const body = await tryRead(full);
    return body ? { body, contentType } : null;
  };
}
