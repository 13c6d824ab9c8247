// `npm run deploy:edge`: deploys the Worker (wrangler deploy; Wrangler builds it with `npm run build:edge`)
// with the built widget and admin as its static assets. Needs a Cloudflare account (`npx wrangler login`)
// and the D1 database's id in wrangler.jsonc; the Worker migrates D1 and seeds it on its first request.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

if (readFileSync('wrangler.jsonc', 'utf8').includes('00000000-0000-0000-0000-000000000000')) {
  console.error(`wrangler.jsonc has no D1 database yet. Once:
  npx wrangler login
  npx wrangler d1 create herald          # put the database_id it prints into wrangler.jsonc
  npx wrangler secret put HERALD_API_TOKEN
  npx wrangler secret put HERALD_ADMIN_EMAIL
  npx wrangler secret put HERALD_ADMIN_PASSWORD
then run npm run deploy:edge again.`);
  process.exit(1);
}
const url = process.env.HERALD_PUBLIC_URL;
const args = ['wrangler', 'deploy', ...(url ? ['--var', `HERALD_PUBLIC_URL:${url}`] : [])];
const { status } = spawnSync('npx', args, { stdio: 'inherit' });
if (status === 0 && url) {
  // The first request migrates D1 and seeds it; make it now rather than a visitor's.
  const res = await fetch(`${url.replace(/\/$/, '')}/healthz`).catch((err) => err);
  console.log(res instanceof Response ? `${url}/healthz: ${res.status}` : `${url}/healthz: ${res}`);
}
process.exit(status ?? 1);
