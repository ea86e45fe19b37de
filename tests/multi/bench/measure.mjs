// Figures shared by the scale benchmarks: server CPU of processes (from /proc) and percentiles.
import fs from 'node:fs';

const ticks = 100; // USER_HZ on Linux

/** User + system CPU time (ms) the processes used so far. */
export function cpuMs(pids) {
  return pids.reduce((sum, pid) => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) * 1000 / ticks; // utime, stime
  }, 0);
}

export const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
};

export const median = values => percentile(values, 50);
