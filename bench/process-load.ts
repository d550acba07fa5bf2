import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface ProcessLoad {
  /** Share of the phase the main thread was busy: near 1, the event loop itself is the limit. */
  eventLoopUtilisation: number;
  /** CPU time of this process (main thread, GC and libuv threads) per wall time, in % of one core. */
  cpuPercent: number;
}

/** Starts measuring this process's load; the function returned reads it for the time since. */
export function startLoadMeter(): () => ProcessLoad {
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    const wallMs = performance.now() - started;
    return {
      eventLoopUtilisation: performance.eventLoopUtilization(elu).utilization,
      cpuPercent: ((used.user + used.system) / 1000 / wallMs) * 100,
    };
  };
}

/**
 * The machine's CPU busy share over a short idle wait. The bench shares two cores with
 * Redis and PostgreSQL; anything else running (a test suite, a compiler) skews every figure.
 */
export async function machineBusyPercent(ms = 1000): Promise<number> {
  const before = cpus();
  await new Promise((resolve) => setTimeout(resolve, ms));
  let busy = 0;
  let total = 0;
  cpus().forEach((cpu, index) => {
    const spent = (Object.keys(cpu.times) as Array<keyof typeof cpu.times>).map((kind) => cpu.times[kind] - before[index].times[kind]);
    const all = spent.reduce((sum, value) => sum + value, 0);
    total += all;
    busy += all - (cpu.times.idle - before[index].times.idle);
  });
  return total > 0 ? (busy / total) * 100 : 0;
}
