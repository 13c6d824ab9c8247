import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Compresses a file as the server sends it: brotli at quality 11, which browsers ask for and the widget's
 * budget counts (`scripts/check-size.ts`), and a gzip for the rest. The gzip is zopfli's: a standard gzip
 * stream about 2.5% smaller than zlib's level 9, at a cost paid once per build, not per request.
 */
async function compress(data: Uint8Array): Promise<{ br: Uint8Array; gz: Uint8Array }> {
  // Imported here, once a build has succeeded: its Emscripten runtime installs process-wide handlers
  // that would print its whole source with any build error.
  const { gzipAsync } = await import('@gfx/zopfli');
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  return { br, gz: await gzipAsync(data, { numiterations: 15 }) };
}

/**
 * Writes a `.br` and a `.gz` sibling (`compress`) beside every JavaScript file the build writes; the
 * server sends them as they are (`server/node/assets.ts`). Vite has no option for this.
 */
export function compressed(): Plugin {
  return {
    name: 'herald-compressed',
    apply: 'build',
    async writeBundle({ dir = '' }, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const { br, gz } = await compress(new TextEncoder().encode(file.code));
        await writeFile(join(dir, `${file.fileName}.br`), br);
        await writeFile(join(dir, `${file.fileName}.gz`), gz);
      }
    },
  };
}
