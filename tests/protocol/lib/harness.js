'use strict';
// Test harness: runs Microsoft's real DirectLineJS in Node (xhr2 + ws, as its README documents) against the
// AuroraBots channel TestServer, which it builds and starts itself on a free loopback port.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');

// xhr2 cannot send FormData (DirectLineJS uploads with it): serialise it the way a browser would.
const originalSend = global.XMLHttpRequest.prototype.send;
global.XMLHttpRequest.prototype.send = function send(body) {
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const encoded = new Response(body);
    this.setRequestHeader('Content-Type', encoded.headers.get('content-type'));
    encoded.arrayBuffer().then(buffer => originalSend.call(this, Buffer.from(buffer)));
    return;
  }
  return originalSend.call(this, body);
};

const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const projectDir = path.join(repoRoot, 'tests', 'AuroraBots.DirectLine.TestServer');
const dll = path.join(projectDir, 'bin', 'Debug', 'net10.0', 'AuroraBots.DirectLine.TestServer.dll');

let built = false;
function buildTestServer() {
  if (built) return;
  const result = spawnSync('dotnet', ['build', path.join(projectDir, 'AuroraBots.DirectLine.TestServer.csproj'), '-c', 'Debug', '-nologo', '-v', 'q'],
    { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('dotnet build of the TestServer failed');
  built = true;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the TestServer (built first) and resolves when it prints its URL. */
async function startServer({ port, redis, redisPrefix } = {}) {
  buildTestServer();
  const args = [dll, '--port', String(port ?? await freePort())];
  if (redis) args.push('--redis', redis, '--redis-prefix', redisPrefix);
  const proc = spawn('dotnet', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('TestServer did not start: ' + output)), 60000);
    proc.stdout.on('data', chunk => {
      output += chunk;
      const match = /LISTENING (\S+)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    proc.on('exit', code => reject(new Error(`TestServer exited with ${code}: ${output}`)));
  });
  proc.stdout.resume();
  return {
    url,
    domain: `${url}/v3/directline`,
    port: Number(new URL(url).port),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise(resolve => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** Redis: AURORABOTS_TEST_REDIS when set, else a private redis-server on a free port (killed by PID). */
async function startRedis() {
  if (process.env.AURORABOTS_TEST_REDIS) return { endpoint: process.env.AURORABOTS_TEST_REDIS, async stop() {} };
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurorabots-redis-'));
  const proc = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise(resolve => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    await sleep(50);
  }
  return {
    endpoint: `127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise(resolve => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function http(server, method, urlPath, { credential, body } = {}) {
  const headers = {};
  if (credential) headers.Authorization = `Bearer ${credential}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(server.url + urlPath, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: response.status, json, text };
}

/** A token from the site backend's point of view (secret → tokens/generate). */
async function generateToken(server, user) {
  const response = await http(server, 'POST', '/v3/directline/tokens/generate', { credential: 'test-secret', body: user ? { user: { id: user } } : {} });
  if (response.status !== 200) throw new Error(`tokens/generate: ${response.status} ${response.text}`);
  return response.json;
}

/** Subscribes to activity$ and connectionStatus$ and records everything. */
function observe(directLine) {
  const seen = { activities: [], statuses: [], errors: [] };
  seen.activitySubscription = directLine.activity$.subscribe(
    activity => seen.activities.push(activity),
    error => seen.errors.push(error));
  seen.statusSubscription = directLine.connectionStatus$.subscribe(status => seen.statuses.push(status));
  seen.waitFor = async (predicate, timeoutMs = 30000, what = 'activity') => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = seen.activities.find(predicate);
      if (found) return found;
      await sleep(25);
    }
    throw new Error(`timed out waiting for ${what}; got: ${JSON.stringify(seen.activities.map(a => a.text ?? a.type))}`);
  };
  seen.waitForStatus = async (status, timeoutMs = 30000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (seen.statuses.includes(status)) return;
      await sleep(25);
    }
    throw new Error(`timed out waiting for status ${status}; got ${JSON.stringify(seen.statuses)}`);
  };
  seen.stop = () => {
    seen.activitySubscription.unsubscribe();
    seen.statusSubscription.unsubscribe();
    directLine.end();
  };
  return seen;
}

function post(directLine, activity) {
  return new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
}

module.exports = { DirectLine, ConnectionStatus, startServer, startRedis, http, generateToken, observe, post, sleep, freePort };
