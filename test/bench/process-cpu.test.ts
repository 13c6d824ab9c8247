import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { groupCpuSeconds, withGroupCpu } from './process-cpu.ts';

/** A child leading a process group of its own that burns `seconds` of CPU, says so, and waits to be killed. */
async function burner(seconds: number) {
  const code = `while (process.cpuUsage().user < ${seconds * 1e6}) {} console.log('done'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code], {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await once(child.stdout, 'data');
  return child;
}

describe.runIf(process.platform === 'linux')('groupCpuSeconds', () => {
  it('counts the CPU a process group used, and nothing for a group that does not exist', async () => {
    const child = await burner(0.3);
    try {
      expect(groupCpuSeconds(child.pid as number)).toBeGreaterThanOrEqual(0.29);
      expect(groupCpuSeconds(2 ** 22 + 12345)).toBe(0);
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL');
    }
  });

  it('tells what a group used during a piece of work, not before it', async () => {
    const child = await burner(0.3);
    try {
      const { result, cpuSeconds } = await withGroupCpu(child.pid as number, async () => 'idle');
      expect(result).toBe('idle');
      expect(cpuSeconds).toBeLessThan(0.2);
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL');
    }
  });
});
