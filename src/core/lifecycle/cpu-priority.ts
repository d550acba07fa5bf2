import { existsSync, readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the CPU priority of this process to `niceness`, never raising it. Linux keeps a nice
 * value per thread and Node's own threads (the compiler's, the garbage collector's) exist from
 * its start, so each thread listed under /proc/self/task is lowered; threads started later take
 * the value of the thread that starts them. Elsewhere the process as a whole.
 */
export function lowerCpuPriority(niceness: number): void {
  const threads = existsSync('/proc/self/task') ? readdirSync('/proc/self/task').map(Number) : [0];
  for (const thread of threads) {
    try {
      if (getPriority(thread) < niceness) setPriority(thread, niceness);
    } catch {
      // A thread that ended meanwhile.
    }
  }
}
