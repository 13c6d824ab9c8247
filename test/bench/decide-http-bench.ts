import { join } from 'node:path';
import autocannon from 'autocannon';
import { SiteInput } from '../../server/schema/site.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';
import { type HeraldProcess, spawnHerald } from '../support/herald-process.ts';
import { benchRelease, benchUsers, mixedMessages } from './decide-bench.ts';
import { cpuProfileArgs } from './event-flood.ts';
import { fmt } from './measure.ts';
import { type LoadRequest, openLoop } from './open-loop.ts';
import { withGroupCpu } from './process-cpu.ts';
import { type BenchRow, verdict } from './report.ts';
import { type ServerPauses, withServerPauses } from './server-pauses.ts';

const SITE_KEY = 'pk_bench';
export const MESSAGES = 200;
export const USERS = 10_000;
export const CONNECTIONS = 50;
const SECONDS = 8;
const URLS = ['https://app.example.com/app/home', '/app/settings/billing', '/dashboard', '/demo/reserve'];

/**
 * One run: requests per second (mean), latency percentiles in ms, failures; at full speed also the requests
 * answered, and in an open loop the generator's own longest stall.
 */
type Run = {
  rate: number;
  p50: number;
  p99: number;
  failed: number;
  answered?: number;
  generatorStallMs?: number;
};

/** A site with the bench's 200 live messages and its release, stored before the server starts. */
export async function seedBenchSite(store: Store): Promise<void> {
  const at = new Date().toISOString();
  const site = {
    ...SiteInput.parse({ name: 'Bench', attention: { maxPerDay: 3, minGapMinutes: 30 } }),
    id: 'site_1',
    publicKey: SITE_KEY,
    secret: 'sk_bench_secret_bench_secret_bench_secret',
    createdAt: at,
    updatedAt: at,
  };
  await store.createSite(site);
  const release = benchRelease();
  await store.createRelease(release);
  for (const message of mixedMessages(MESSAGES, release.id)) await store.createMessage(message);
}

/** The 10,000 users' request bodies: traits of every type, a page and a locale each. */
export function decideBodies(): string[] {
  return benchUsers(USERS, []).map(({ user }, i) =>
    JSON.stringify({
      site: SITE_KEY,
      user: { id: user.key, traits: user.traits },
      context: { url: URLS[i % URLS.length], locale: i % 5 ? 'en-US' : 'de-DE' },
    }),
  );
}

/**
 * One run against `base`: at full speed (autocannon, `CONNECTIONS` connections, for `seconds` or `amount`
 * requests), or with `rate` at that steady rate in an open loop (`openLoop`), for latency at a given load.
 */
export async function load(
  base: string,
  request: LoadRequest,
  options: { seconds?: number; rate?: number; amount?: number },
): Promise<Run> {
  if (options.rate !== undefined) {
    const run = await openLoop({
      base,
      request,
      rate: options.rate,
      seconds: options.seconds ?? SECONDS,
      connections: CONNECTIONS,
    });
    return {
      rate: options.rate,
      p50: run.p50,
      p99: run.p99,
      failed: run.failed,
      generatorStallMs: run.maxGapMs,
    };
  }
  const { bodies } = request;
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? SECONDS }),
    requests: [
      {
        method: request.method,
        path: request.path,
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        ...(bodies === undefined
          ? {}
          : { setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }),
      },
    ],
  });
  return {
    rate: result.requests.average,
    answered: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** `POST /v1/decide` with each next user's body in turn. */
export function decideRequest(bodies: string[]): LoadRequest {
  return { method: 'POST', path: '/v1/decide', headers: { 'content-type': 'application/json' }, bodies };
}

/**
 * Why the rate is short: the floor measured in this run (the same requests answered with a stored copy of
 * the answer), then the shares of the server's busy CPU time at peak from `node --cpu-prof`
 * (`HERALD_BENCH_CPU_PROF`, 2026-12-04, the seconds of the peak run only).
 */
const whyRate = (bytes: number, sendOnly: Peak, hello: Peak) =>
  `an answer is ${fmt(bytes / 1024, 1)} KB vs 11 bytes: a bare Hono server answering the same requests with a stored copy peaks at ${fmt(sendOnly.rate, 0)} req/s (${fmt((100 * sendOnly.rate) / hello.rate, 1)}% of hello-world), before any deciding${cpuBudget(sendOnly, hello)}; ${WHY_RATE_PROFILE}`;
/**
 * What the CPU figures say (when there are some): half of hello-world's rate allows twice its CPU per
 * request, and sending the stored answer already takes most of that.
 */
const cpuBudget = (sendOnly: Peak, hello: Peak) => {
  if (sendOnly.cpuPerRequestUs === null || hello.cpuPerRequestUs === null) return '';
  const budget = 2 * hello.cpuPerRequestUs;
  return `; in CPU per request (row below), half of hello-world's rate allows ${fmt(budget, 0)} µs, of which sending the stored answer takes ${fmt(sendOnly.cpuPerRequestUs, 0)}: ${fmt(Math.max(0, budget - sendOnly.cpuPerRequestUs), 0)} µs would be left for deciding 200 messages, signing the receipts and writing the answer`;
};
const WHY_RATE_PROFILE =
  "of the server's busy time at peak: writing answers to the socket ~19%, receipts (an HMAC per shown message) ~18%, the compiled decide ~16%, zod ~4%, Hono's routing and the metrics ~6%";
/** What stopped the server or the load generator during the half-of-peak run, in words. */
const pausesText = ({ major, incremental, minor }: ServerPauses, generatorStallMs: number) =>
  `${major.count} full GCs (${fmt(major.ms, 1)} ms of final pauses, ${fmt(incremental.ms, 1)} ms of marking steps), ${minor.count} young GCs (${fmt(minor.ms, 0)} ms); the load generator's longest stall ${fmt(generatorStallMs, 0)} ms`;
/** Why p99 is over: what this run's server and generator reported (a stall delays every request due in it). */
const whyP99 = (pauses: ServerPauses, generatorStallMs: number) =>
  `during this run, from the server's /metrics and the generator's timer: ${pausesText(pauses, generatorStallMs)}. A pause delays every request due during it, and the queue it leaves drains at the spare half of the server's capacity; a full GC's marking also runs on helper threads that share the 2 cores with the server and the generator`;

/** A full-speed run, with the server's CPU time per answered request (µs; `null` without `/proc`). */
type Peak = Run & { cpuPerRequestUs: number | null };

/** Runs `run` (a full-speed load) and measures the CPU the server's process group spent per answer. */
async function peakWithCpu(serverGroup: number, run: () => Promise<Run>): Promise<Peak> {
  const { result, cpuSeconds } = await withGroupCpu(serverGroup, run);
  const answered = result.answered ?? 0;
  const cpuPerRequestUs = cpuSeconds === null || answered === 0 ? null : (cpuSeconds * 1e6) / answered;
  return { ...result, cpuPerRequestUs };
}

const fmtCpu = (us: number | null) => (us === null ? 'n/a (no /proc)' : fmt(us, 0));

/** One decide answer's text. */
export async function answerOf(base: string, body: string): Promise<string> {
  const res = await fetch(`${base}/v1/decide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return res.text();
}

/**
 * `POST /v1/decide` over HTTP: the real server process (`tsx server/main.ts`, SQLite) with 200 live
 * messages and 10,000 returning users, driven by autocannon with 50 connections, against a bare Hono
 * hello-world child process in the same run. Peak rates first, then p50/p99 of each at half of decide's
 * peak (open loop). Rate limits are off: they count every request in the database, and the bench measures decide itself.
 */
export async function benchDecideHttp(dir: string): Promise<BenchRow[]> {
  const databaseUrl = `sqlite:${join(dir, 'decide-http.db')}`;
  const store = await openStore(databaseUrl);
  await seedBenchSite(store);
  await store.close();
  const bodies = decideBodies();
  const decide = decideRequest(bodies);
  const hello: LoadRequest = { method: 'GET', path: '/' };
  const off = '0';
  const servers: HeraldProcess[] = [];
  try {
    // `HERALD_BENCH_CPU_PROF=dir`: the server's CPU profile (`node --cpu-prof`), written there on exit.
    const profile = process.env.HERALD_BENCH_CPU_PROF;
    const nodeArgs = profile ? cpuProfileArgs(profile) : [];
    const herald = await spawnHerald(
      {
        DATABASE_URL: databaseUrl,
        HERALD_LIMIT_ADDRESS_PER_MINUTE: off,
        HERALD_LIMIT_SITE_PER_MINUTE: off,
        HERALD_LIMIT_NEW_USERS_PER_MINUTE: off,
      },
      { nodeArgs },
    );
    servers.push(herald);
    // Every user's first decide stores their traits (a write, which drops them from the user-state cache);
    // the second reads them once more. The figures are for returning users, as a site mostly serves.
    await load(herald.base, decide, { amount: USERS });
    await load(herald.base, decide, { amount: USERS });
    const answer = await answerOf(herald.base, bodies[1] as string);
    const bare = await spawnHerald(
      { HERALD_BENCH_ANSWER: answer },
      { script: 'test/bench/hello-server.ts', health: '/', nodeArgs },
    );
    servers.push(bare);
    // The floor under any decide with this answer: the same requests, answered with a stored copy.
    const sendOnly = await peakWithCpu(bare.pid, () => load(bare.base, decide, {}));
    const helloPeak = await peakWithCpu(bare.pid, () => load(bare.base, hello, {}));
    const decidePeak = await peakWithCpu(herald.pid, () => load(herald.base, decide, {}));
    // At the same steady rate as decide below: the latency of a server doing nothing, under the same load.
    const helloHalf = await load(bare.base, hello, { rate: decidePeak.rate / 2 });
    // The server's own view of the same run: what stopped its event loop (generator stalls count in p99 too).
    const half = await withServerPauses(herald.base, () =>
      load(herald.base, decide, { rate: decidePeak.rate / 2 }),
    );
    const decideHalf = half.result;
    const share = (100 * decidePeak.rate) / helloPeak.rate;
    const failed = decidePeak.failed + decideHalf.failed;
    const failedNote = failed ? `; ${failed} requests failed` : '';
    const setup = `${MESSAGES} live messages, ${fmt(USERS / 1000, 0)}k returning users, ${CONNECTIONS} connections, ${SECONDS} s`;
    return [
      {
        figure: `POST /v1/decide requests/s over HTTP (${setup}${failedNote})`,
        herald: fmt(decidePeak.rate, 0),
        baseline: `bare Hono hello-world ${fmt(helloPeak.rate, 0)}`,
        target: '≥ 50% of baseline',
        verdict: `${fmt(share, 1)}%: ${verdict(share, 50, true, '%')}`,
        ...(share >= 50 ? {} : { why: whyRate(Buffer.byteLength(answer), sendOnly, helloPeak) }),
      },
      {
        figure: 'server CPU per request at peak, µs (user + system, all its threads, from /proc)',
        herald: `decide ${fmtCpu(decidePeak.cpuPerRequestUs)}`,
        baseline: `hello-world ${fmtCpu(helloPeak.cpuPerRequestUs)}; the stored answer ${fmtCpu(sendOnly.cpuPerRequestUs)}`,
        target: '–',
        verdict: '–',
      },
      {
        figure: 'POST /v1/decide p50 / p99 ms at half of peak',
        herald: `${fmt(decideHalf.p50, 1)} / ${fmt(decideHalf.p99, 1)}`,
        baseline: `hello-world at the same rate ${fmt(helloHalf.p50, 1)} / ${fmt(helloHalf.p99, 1)}`,
        target: 'p99 ≤ 20 ms',
        verdict: verdict(decideHalf.p99, 20, false, 'ms'),
        ...(decideHalf.p99 <= 20 ? {} : { why: whyP99(half.pauses, decideHalf.generatorStallMs ?? 0) }),
      },
      {
        figure:
          'during that run: the decide server’s garbage collections (its /metrics), the generator’s stalls',
        herald: pausesText(half.pauses, decideHalf.generatorStallMs ?? 0),
        baseline: '–',
        target: '–',
        verdict: '–',
      },
    ];
  } finally {
    for (const server of servers) await server.stop();
  }
}
