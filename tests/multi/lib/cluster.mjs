// The multi-instance cluster of issue 14, as real processes on loopback: one redis-server (AOF on), N AuroraBots
// hosts (the built infra/AuroraBots.Host dll, each with its own copy of bots/ and editor folder, like containers)
// and Debian nginx round-robin in front of them, configured from infra/deploy/nginx/nginx.conf itself (the lines
// marked "suite:" replaced). Everything runs under a temp folder, on free ports, without root; stopped by PID.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const hostDll = path.join(repoRoot, 'infra', 'AuroraBots.Host', 'bin', process.env.AURORABOTS_MULTI_CONFIGURATION ?? 'Debug', 'net10.0', 'AuroraBots.Host.dll');
export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

async function waitFor(check, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const portOpen = port => new Promise(resolve => {
  const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
  socket.on('error', () => resolve(false));
});

function exitOf(proc) {
  return proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise(resolve => proc.once('exit', resolve));
}

/** The editor's password hash format (PasswordHashes.Hash): pbkdf2-sha256$iterations$salt$hash. */
export function passwordHash(password) {
  const salt = crypto.randomBytes(16);
  const iterations = 10_000; // the hash carries its iteration count; fewer keep the suite fast
  const hash = crypto.pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  return `pbkdf2-sha256$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export class Redis {
  constructor(dir, port) { this.dir = dir; this.port = port; this.endpoint = `127.0.0.1:${port}`; }

  async start() {
    this.proc = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dir,
      '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''], { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor(() => this.cli('PING').trim() === 'PONG', 'redis-server', 20_000);
  }

  cli(...args) {
    const result = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), ...args], { encoding: 'utf8' });
    return result.stdout ?? '';
  }

  /** SHUTDOWN (AOF fsync'd) and start again on the same port and folder. */
  async restart() {
    const exited = exitOf(this.proc);
    this.cli('SHUTDOWN');
    await exited;
    await this.start();
  }

  async stop() {
    if (!this.proc) return;
    const exited = exitOf(this.proc);
    this.proc.kill('SIGTERM');
    await exited;
  }
}

/** A host process; `build` names another build to run (scale-compare: the host of an older commit, its own bots). */
export class Host {
  constructor(index, root, port, env, build = { dll: hostDll, bots: path.join(repoRoot, 'bots'), readyPath: '/health/ready' }) {
    this.index = index;
    this.build = build;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.dir = path.join(root, `host-${index}`);
    this.env = env;
    this.log = '';
    fs.cpSync(build.bots, path.join(this.dir, 'bots'), { recursive: true });
    fs.mkdirSync(path.join(this.dir, 'editor-data'), { recursive: true });
  }

  async start() {
    this.proc = spawn('dotnet', [this.build.dll, '--urls', this.url], {
      cwd: path.dirname(this.build.dll), // appsettings*.json are there (content root)
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...this.env,
        Dialogs__Path: path.join(this.dir, 'bots'),
        Editor__DataPath: path.join(this.dir, 'editor-data'),
      },
    });
    this.proc.stdout.on('data', chunk => { this.log = (this.log + chunk).slice(-20_000); });
    this.proc.stderr.on('data', chunk => { this.log = (this.log + chunk).slice(-20_000); });
    await this.ready(120_000);
  }

  async ready(timeoutMs = 60_000) {
    await waitFor(async () => {
      if (this.proc.exitCode !== null) throw new Error(`host ${this.index} exited with ${this.proc.exitCode}:\n${this.log}`);
      try { return (await fetch(`${this.url}${this.build.readyPath}`)).ok; } catch { return false; }
    }, `host ${this.index} ${this.build.readyPath}`, timeoutMs);
  }

  /** SIGKILL: no shutdown code runs (leases, sockets and queued turns are left as a crash leaves them). */
  async kill() {
    const exited = exitOf(this.proc);
    this.proc.kill('SIGKILL');
    await exited;
  }

  async stop() {
    if (!this.proc || this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = exitOf(this.proc);
    this.proc.kill('SIGTERM');
    await exited;
  }
}

class Nginx {
  constructor(dir, port, upstreamPorts) {
    this.dir = dir;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.accessLog = path.join(dir, 'access.log');
    const deployed = fs.readFileSync(path.join(repoRoot, 'infra', 'deploy', 'nginx', 'nginx.conf'), 'utf8');
    const replaced = deployed.split('\n').map(line => {
      if (line.includes('# suite: resolver')) return '';
      if (line.includes('# suite: servers')) return upstreamPorts.map(p => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n');
      if (line.includes('# suite: listen')) return `        listen 127.0.0.1:${port};`;
      return line;
    }).join('\n');
    if (replaced === deployed) throw new Error('infra/deploy/nginx/nginx.conf has no "suite:" lines');
    // Temp paths of a non-root nginx, and an access log naming the instance that answered each request.
    const local = `pid ${dir}/nginx.pid;\n` + replaced.replace('http {', `http {
    log_format upstreamlog '$request_method $uri $status $upstream_addr';
    access_log ${this.accessLog} upstreamlog;
    client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`);
    this.conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(this.conf, local);
  }

  async start() {
    const check = spawnSync('nginx', ['-t', '-p', this.dir, '-e', `${this.dir}/error.log`, '-c', this.conf], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
    this.proc = spawn('nginx', ['-p', this.dir, '-e', `${this.dir}/error.log`, '-c', this.conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitFor(() => portOpen(this.port), 'nginx', 20_000);
  }

  /** The access log's lines: { method, uri, status, upstream }. */
  requests() {
    if (!fs.existsSync(this.accessLog)) return [];
    return fs.readFileSync(this.accessLog, 'utf8').split('\n').filter(Boolean).map(line => {
      const [method, uri, status, ...upstream] = line.split(' ');
      return { method, uri, status: Number(status), upstream: upstream.join(' ') };
    });
  }

  async stop() {
    if (!this.proc) return;
    const exited = exitOf(this.proc);
    this.proc.kill('SIGTERM');
    await exited;
  }
}

export const editorUser = { name: 'multi-admin', password: 'multi instance editor 14' };

/** What every replica shares in production: the same secrets and the same Redis (docs/hosting.md "Several instances"). */
export function sharedEnvironment(redisEndpoint, publicBaseUrl) {
  return {
    ASPNETCORE_ENVIRONMENT: 'Development', // the development Direct Line secrets (dev-<bot>-secret)
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    Logging__LogLevel__Default: 'Warning',
    ConnectionStrings__Redis: redisEndpoint,
    DirectLine__TokenSigningKey: crypto.randomBytes(48).toString('base64'),
    Handoff__SubjectKey: crypto.randomBytes(32).toString('base64'),
    DirectLine__PublicBaseUrl: publicBaseUrl,
    Widget__PublicBaseUrl: publicBaseUrl,
    Dialogs__HotReload: 'false',
    Editor__TestsBeforePublish: 'false',
    Editor__Users__0__Name: editorUser.name,
    Editor__Users__0__PasswordHash: passwordHash(editorUser.password),
    Editor__Users__0__Roles__0: 'admin',
  };
}

/** Starts redis, `instances` hosts (in parallel) and nginx; `stop()` ends them all and removes the temp folder. */
export async function startCluster({ instances = 3 } = {}) {
  if (!fs.existsSync(hostDll)) {
    const built = spawnSync('dotnet', ['build', path.join(repoRoot, 'infra', 'AuroraBots.Host'), '-nologo', '-v', 'q'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('dotnet build of the host failed');
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurorabots-multi-'));
  const redis = new Redis(fs.mkdirSync(path.join(root, 'redis'), { recursive: true }) ?? path.join(root, 'redis'), await freePort());
  await redis.start();
  const hostPorts = [];
  for (let i = 0; i < instances; i++) hostPorts.push(await freePort());
  const balancerPort = await freePort();
  const balancer = `http://127.0.0.1:${balancerPort}`;
  const env = sharedEnvironment(redis.endpoint, balancer);
  const hosts = hostPorts.map((port, i) => new Host(i + 1, root, port, env));
  const nginx = new Nginx(fs.mkdirSync(path.join(root, 'nginx'), { recursive: true }) ?? path.join(root, 'nginx'), balancerPort, hostPorts);
  const cluster = { root, redis, hosts, nginx, balancer };
  try {
    // Started one after another: the first creates the shared records (editor store, key ring), as a rollout does.
    for (const host of hosts) await host.start();
    await nginx.start();
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
  cluster.stop = () => stopCluster(cluster);
  return cluster;
}

async function stopCluster({ root, redis, hosts, nginx }) {
  await nginx.stop().catch(() => {});
  await Promise.all(hosts.map(h => h.stop().catch(() => {})));
  await redis.stop().catch(() => {});
  if (!process.env.AURORABOTS_MULTI_KEEP) fs.rmSync(root, { recursive: true, force: true });
}
