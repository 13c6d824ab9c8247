import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: `/proc` counts CPU time in these ticks per second (100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user and system, all threads) used so far by the processes of one process group, from Linux's
 * `/proc`; `null` where there is no `/proc`. A server started by `spawnHerald` leads a group of its own
 * (npx, tsx and node), so this is the server's CPU whichever of them does the work.
 */
export function groupCpuSeconds(groupId: number): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // it exited meanwhile
    }
    // After "pid (comm) ": state, ppid, pgrp, … utime and stime are the 12th and 13th (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

/** Runs `work` and returns its result with the CPU seconds a process group used meanwhile (`null`: unknown). */
export async function withGroupCpu<T>(
  groupId: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: number | null }> {
  const before = groupCpuSeconds(groupId);
  const result = await work();
  const after = groupCpuSeconds(groupId);
  return { result, cpuSeconds: before === null || after === null ? null : after - before };
}
