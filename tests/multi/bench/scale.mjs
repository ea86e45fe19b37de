// scripts/bench.sh scale — issue 14: 1 vs 3 host instances behind nginx round-robin, one Redis (AOF), the real
// dialog core (sample bot's shout flow). Per configuration and transport: turns/s, p50/p99 reply latency,
// lost / duplicated / out-of-order replies, and server CPU per turn (user+system time of the host processes).
// Sizes: AURORABOTS_SCALE_CONVERSATIONS (200) × AURORABOTS_SCALE_TURNS (10); AURORABOTS_SCALE_INSTANCES ("1 3").
import os from 'node:os';
import { startCluster } from '../lib/cluster.mjs';
import { runConversations } from '../lib/chat.mjs';
import { cpuMs, percentile } from './measure.mjs';

const count = Number(process.env.AURORABOTS_SCALE_CONVERSATIONS ?? 200);
const turns = Number(process.env.AURORABOTS_SCALE_TURNS ?? 10);
const layouts = (process.env.AURORABOTS_SCALE_INSTANCES ?? '1 3').split(/\s+/).filter(Boolean).map(Number);
const transports = (process.env.AURORABOTS_SCALE_TRANSPORTS ?? 'websocket polling').split(/\s+/).filter(Boolean);

const rows = [];
for (const instances of layouts) {
  const cluster = await startCluster({ instances });
  try {
    // Warm-up: JIT, NLU and connection pools, not measured.
    await runConversations(cluster.balancer, { count: 10, turns: 4, webSocket: true });
    for (const transport of transports) {
      const pids = cluster.hosts.map(h => h.proc.pid);
      const cpuBefore = cpuMs(pids);
      const started = Date.now();
      const result = await runConversations(cluster.balancer, { count, turns, webSocket: transport === 'websocket', replyTimeoutMs: 60_000 });
      const seconds = (Date.now() - started - 1000) / 1000; // runConversations waits 1 s for late replies
      const cpu = cpuMs(pids) - cpuBefore;
      rows.push({
        instances, transport, conversations: count, turns: result.turns,
        turnsPerSecond: result.turns / seconds,
        p50: percentile(result.latencies, 50), p99: percentile(result.latencies, 99),
        lost: result.lost, duplicated: result.duplicated, outOfOrder: result.outOfOrder, failures: result.failures.length,
        cpuMsPerTurn: cpu / Math.max(1, result.turns),
      });
      if (result.failures.length) console.error(result.failures.slice(0, 3).join('\n'));
    }
  } finally {
    await cluster.stop();
  }
}

console.log(`\nscale: ${count} conversations × ${turns} turns, nginx round-robin, one Redis (AOF), ${os.cpus().length} cores (${os.cpus()[0].model})`);
console.log('instances  transport   turns  turns/s   p50 ms   p99 ms  lost  dup  order  failed  server CPU ms/turn');
for (const r of rows) {
  console.log(`${String(r.instances).padStart(9)}  ${r.transport.padEnd(9)} ${String(r.turns).padStart(6)} ${r.turnsPerSecond.toFixed(1).padStart(8)} ${r.p50.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(4)} ${String(r.outOfOrder).padStart(6)} ${String(r.failures).padStart(7)} ${r.cpuMsPerTurn.toFixed(2).padStart(19)}`);
}
