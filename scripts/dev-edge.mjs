// `npm run dev:edge`: Herald as a Cloudflare Worker in local workerd (wrangler dev), on a local D1 kept in
// .wrangler/state, with no Cloudflare account. Takes PORT (default 8788), HERALD_API_TOKEN,
// HERALD_ADMIN_EMAIL/HERALD_ADMIN_PASSWORD and HERALD_PUBLIC_URL from the environment as `npm start` does
// (passed to the Worker as vars), and asks /healthz once it listens, so the D1 is migrated and seeded (the
// demo site, the first admin, whose generated password is printed) on start rather than on first use.
// HERALD_EDGE_STATE puts the local D1 in another folder (the browser tests' own, thrown away after).
import { spawn } from 'node:child_process';

const env = process.env;
const port = env.PORT ?? '8788';
const vars = ['HERALD_API_TOKEN', 'HERALD_ADMIN_EMAIL', 'HERALD_ADMIN_PASSWORD', 'HERALD_DEMO']
  .filter((name) => env[name])
  .map((name) => `${name}:${env[name]}`);
vars.push(`HERALD_PUBLIC_URL:${env.HERALD_PUBLIC_URL ?? `http://localhost:${port}`}`);

const wrangler = spawn(
  'npx',
  [
    'wrangler',
    'dev',
    '--port',
    port,
    '--ip',
    env.HOST ?? '127.0.0.1',
    '--show-interactive-dev-session=false',
    ...(env.HERALD_EDGE_STATE ? ['--persist-to', env.HERALD_EDGE_STATE] : []),
    ...vars.flatMap((v) => ['--var', v]),
  ],
  // Local only: no metrics, and the placeholder `request.cf` instead of fetching Cloudflare's.
  { stdio: 'inherit', env: { ...env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wrangler.kill(signal));
wrangler.on('exit', (code) => process.exit(code ?? 1));

// Wrangler builds first (`npm run build:edge`); wait until the Worker answers, which migrates and seeds D1.
for (let i = 0; i < 240; i++) {
  await new Promise((r) => setTimeout(r, 500));
  const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
  if (res?.ok) {
    console.log(`Herald (edge) is listening on http://localhost:${port}: /demo, /admin, /docs, /healthz`);
    break;
  }
}
