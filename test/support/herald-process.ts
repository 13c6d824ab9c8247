import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves after `ms`; for polling loops only, never as a wait for a condition. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on now: the one the OS gives a listener on port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether any process of the group `pid` leads is still alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The real server process (`tsx server/main.ts`) on a free port of 127.0.0.1. */
export type HeraldProcess = {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** What the process printed, for failure messages. */
  output: string[];
  /** The first process of the group: node itself when started with `nodeArgs`, else npx. */
  pid: number;
  /**
   * Signals the whole process group and waits for it to exit. Resolves true when it exited by itself
   * within 15 s; false when it had to be killed.
   */
  stop(signal?: NodeJS.Signals): Promise<boolean>;
};

/**
 * Starts the server (or, for the bench's baseline, another `script` answering `health`) in its own process group (npx, tsx and node, so one signal reaches them all) with
 * `env` on top of this process's environment, and waits until `/healthz` answers.
 *
 * `nodeArgs` (such as `--cpu-prof`, which Node 20 refuses in NODE_OPTIONS) start node itself with tsx as
 * its loader instead.
 *
 * @example const herald = await spawnHerald({ DATABASE_URL: 'sqlite:/tmp/x/h.db' });
 */
export async function spawnHerald(
  env: Record<string, string>,
  { timeoutMs = 60_000, script = 'server/main.ts', health = '/healthz', nodeArgs = [] as string[] } = {},
): Promise<HeraldProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const [command, args] = nodeArgs.length
    ? ['node', [...nodeArgs, '--import', 'tsx', script]]
    : ['npx', ['tsx', script]];
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // No simulated demo history unless a test asks for it: tests count their own events on the demo site.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HERALD_PUBLIC_URL: base,
      HERALD_DEMO_HISTORY: 'off',
      // Quiet: request logs only where a test asks for them (HERALD_LOG_LEVEL=info).
      HERALD_LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const pid = child.pid as number;
  const output: string[] = [];
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (groupAlive(pid)) process.kill(-pid, signal);
    const deadline = Date.now() + 15_000;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
    if (!groupAlive(pid)) return true;
    process.kill(-pid, 'SIGKILL');
    return false;
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${base}${health}`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return { base, output, pid, stop };
    } catch {}
    await sleep(200);
  }
  await stop('SIGKILL');
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s:\n${output.join('')}`);
}
