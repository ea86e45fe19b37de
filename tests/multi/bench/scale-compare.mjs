// scripts/bench.sh scale-compare <ref> — issue 14's "single instance no slower than before", measured side by side:
// the host built from an older commit (BEFORE, AURORABOTS_COMPARE_BEFORE = its worktree) and this checkout's host
// (AFTER), each a single instance with its own redis-server (AOF everysec, as in production), no balancer, the real
// dialog core (sample bot's shout flow). Both stay up; rounds run interleaved A B A B … so a change in the machine's
// load hits both alike, and the medians over the rounds are printed side by side.
// Per round: 200 conversations × 10 turns over WebSocket (AURORABOTS_SCALE_CONVERSATIONS / _TURNS), rounds
// AURORABOTS_COMPARE_ROUNDS (3); client AURORABOTS_COMPARE_CLIENT = lean (default: fetch + ws, leanchat.mjs) or
// directlinejs (chat.mjs, as scale.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host, Redis, freePort, repoRoot, sharedEnvironment } from '../lib/cluster.mjs';
import { runConversations } from '../lib/chat.mjs';
import { runLeanConversations } from '../lib/leanchat.mjs';
import { cpuMs, median, percentile } from './measure.mjs';

const beforeRoot = process.env.AURORABOTS_COMPARE_BEFORE;
if (!beforeRoot) throw new Error('AURORABOTS_COMPARE_BEFORE: the worktree of the BEFORE commit (bash scripts/bench.sh scale-compare <ref> sets it)');
const configuration = process.env.AURORABOTS_MULTI_CONFIGURATION ?? 'Release';
const count = Number(process.env.AURORABOTS_SCALE_CONVERSATIONS ?? 200);
const turns = Number(process.env.AURORABOTS_SCALE_TURNS ?? 10);
const rounds = Number(process.env.AURORABOTS_COMPARE_ROUNDS ?? 3);
const client = process.env.AURORABOTS_COMPARE_CLIENT ?? 'lean';
const run = client === 'lean'
  ? (url, options) => runLeanConversations(url, options)
  : async (url, options) => {
    const result = await runConversations(url, { ...options, webSocket: true });
    return { ...result, settleMs: 1000 }; // runConversations waits 1 s for late replies
  };

// Several BEFORE worktrees may be given, comma-separated (e.g. the last commit before the scale-out work and an
// intermediate one), with as many comma-separated labels.
const beforeLabels = (process.env.AURORABOTS_COMPARE_BEFORE_LABEL ?? '').split(',');
const builds = [
  ...beforeRoot.split(',').map((root, i) => ({ name: i ? `before${i + 1}` : 'before', label: beforeLabels[i] || path.basename(root), root })),
  { name: 'after', label: process.env.AURORABOTS_COMPARE_AFTER_LABEL ?? 'this checkout', root: repoRoot },
].map(b => {
  const dll = path.join(b.root, 'infra', 'AuroraBots.Host', 'bin', configuration, 'net10.0', 'AuroraBots.Host.dll');
  if (!fs.existsSync(dll)) throw new Error(`${b.name}: ${dll} is not built`);
  // /healthz answers on both sides (/health/ready came with the scale-out work).
  return { ...b, build: { dll, bots: path.join(b.root, 'bots'), readyPath: '/healthz' } };
});

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurorabots-compare-'));
const started = [];
try {
  for (const [i, b] of builds.entries()) {
    b.redis = new Redis(fs.mkdirSync(path.join(root, `redis-${b.name}`), { recursive: true }), await freePort());
    await b.redis.start();
    started.push(b.redis);
    const port = await freePort();
    // Tiered JIT off by default: on a loaded 2-core machine the background tier-up thread is starved, so methods
    // stay at tier 0 for thousands of turns and each round would measure a different mix of JIT tiers.
    const jit = process.env.AURORABOTS_COMPARE_TIERED === '1' ? {} : { DOTNET_TieredCompilation: '0' };
    b.host = new Host(i + 1, root, port, { ...sharedEnvironment(b.redis.endpoint, `http://127.0.0.1:${port}`), ...jit }, b.build);
    await b.host.start();
    started.push(b.host);
    // Warm-up: JIT tiers, NLU and connection pools, not measured.
    await run(b.host.url, { count, turns }); // a whole unmeasured round: JIT, NLU, connection pools
    b.rounds = [];
  }
  const redisCommands = redis => Number(/total_commands_processed:(\d+)/.exec(redis.cli('INFO', 'stats'))[1]);
  const clientCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  for (let round = 1; round <= rounds; round++) {
    for (const b of round % 2 ? builds : [...builds].reverse()) { // A B, B A, A B …: none always goes first
      const serverBefore = cpuMs([b.host.proc.pid, b.redis.proc.pid]);
      const hostBefore = cpuMs([b.host.proc.pid]);
      const clientBefore = clientCpu();
      const commandsBefore = redisCommands(b.redis);
      const t0 = Date.now();
      const r = await run(b.host.url, { count, turns, replyTimeoutMs: 60_000 });
      const seconds = (Date.now() - t0 - (r.settleMs ?? 0)) / 1000;
      const row = {
        round, turns: r.turns, turnsPerSecond: r.turns / seconds,
        p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99),
        lost: r.lost, duplicated: r.duplicated, outOfOrder: r.outOfOrder, failed: r.failures.length,
        hostCpu: (cpuMs([b.host.proc.pid]) - hostBefore) / Math.max(1, r.turns),
        redisCpu: (cpuMs([b.host.proc.pid, b.redis.proc.pid]) - serverBefore - (cpuMs([b.host.proc.pid]) - hostBefore)) / Math.max(1, r.turns),
        clientCpu: (clientCpu() - clientBefore) / Math.max(1, r.turns),
        redisCommands: (redisCommands(b.redis) - commandsBefore) / Math.max(1, r.turns),
        load: os.loadavg()[0],
      };
      b.rounds.push(row);
      if (r.failures.length) console.error(r.failures.slice(0, 3).join('\n'));
      console.log(`round ${round} ${b.name.padEnd(6)} ${row.turnsPerSecond.toFixed(0)} turns/s, p50 ${row.p50} ms, p99 ${row.p99} ms, host CPU ${row.hostCpu.toFixed(2)} ms/turn, load ${row.load.toFixed(1)}`);
    }
  }
} finally {
  for (const p of started.reverse()) await p.stop().catch(() => {});
  fs.rmSync(root, { recursive: true, force: true });
}

const f = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : '-');
const sum = (rows, k) => rows.reduce((s, r) => s + r[k], 0);
console.log(`\nscale-compare: 1 host, own Redis (AOF), WebSocket, ${count} conversations × ${turns} turns, ${rounds} interleaved rounds, client ${client}, ${process.env.AURORABOTS_COMPARE_TIERED === '1' ? 'tiered JIT' : 'TieredCompilation=0'}, ${os.cpus().length} cores (${os.cpus()[0].model}), load ${os.loadavg()[0].toFixed(1)}`);
console.log('build   (commit)          turns/s   p50 ms   p99 ms   host CPU ms/turn  Redis CPU ms/turn  Redis cmds/turn  client CPU ms/turn  lost  dup  order  failed   (medians over rounds; lost/dup/order/failed summed)');
for (const b of builds) {
  const m = k => median(b.rounds.map(r => r[k]));
  console.log(`${b.name.padEnd(7)} ${b.label.slice(0, 16).padEnd(16)} ${f(m('turnsPerSecond'), 1).padStart(8)} ${f(m('p50')).padStart(8)} ${f(m('p99')).padStart(8)} ${f(m('hostCpu'), 2).padStart(18)} ${f(m('redisCpu'), 2).padStart(18)} ${f(m('redisCommands'), 1).padStart(16)} ${f(m('clientCpu'), 2).padStart(19)} ${String(sum(b.rounds, 'lost')).padStart(5)} ${String(sum(b.rounds, 'duplicated')).padStart(4)} ${String(sum(b.rounds, 'outOfOrder')).padStart(6)} ${String(sum(b.rounds, 'failed')).padStart(7)}`);
}
