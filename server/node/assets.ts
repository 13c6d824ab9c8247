import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { AssetSource } from '../deps.ts';
import { builtAssets } from '../http/asset-files.ts';

/**
 * Serves built files from a folder (with their `.br`/`.gz` siblings, see `builtAssets`). Paths that climb
 * out of the folder are refused.
 */
export function folderAssets(root: string): AssetSource {
  const base = normalize(root) + sep;
  return builtAssets(async (path) => {
    const full = normalize(join(base, path));
    if (!full.startsWith(base)) return null;
    try {
      return await readFile(full);
    } catch {
      return null;
    }
  });
}
