// Starts the real AuroraBots host (the built infra/AuroraBots.Host dll) on a free loopback port and talks to it
// with Microsoft's DirectLineJS, running in Node with xhr2 + ws as its README documents.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
globalThis.XMLHttpRequest = require('xhr2');
globalThis.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostProject = path.join(repoRoot, 'infra', 'AuroraBots.Host', 'AuroraBots.Host.csproj');
const hostDll = path.join(repoRoot, 'infra', 'AuroraBots.Host', 'bin', 'Debug', 'net10.0', 'AuroraBots.Host.dll');

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

/** Builds the host when it has not been built yet (scripts/test.sh builds the solution first). */
function ensureBuilt() {
  if (existsSync(hostDll) && !process.env.AURORABOTS_E2E_REBUILD) return;
  const result = spawnSync('dotnet', ['build', hostProject, '-nologo', '-v', 'q'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('dotnet build of the host failed');
}

/** Starts the host and resolves once /healthz answers. */
export async function startHost(extraEnv = {}) {
  ensureBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn('dotnet', [hostDll, '--urls', url], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      Dialogs__Path: path.join(repoRoot, 'bots'),
      Dialogs__HotReload: 'false',
      Logging__LogLevel__Default: 'Warning',
      // With the master test script's Redis, state and the consent ledger live in Redis as in production.
      ...(process.env.AURORABOTS_TEST_REDIS ? { ConnectionStrings__Redis: process.env.AURORABOTS_TEST_REDIS } : {}),
      ...extraEnv,
    },
  });
  let log = '';
  proc.stdout.on('data', chunk => { log += chunk; });
  proc.stderr.on('data', chunk => { log += chunk; });
  const exited = new Promise(resolve => proc.once('exit', resolve));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`The host exited with ${proc.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      proc.kill('SIGTERM');
      throw new Error(`The host did not become healthy:\n${log}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }

  return {
    url,
    log: () => log,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Opens a chat with a bot the way the demo page does: a token from /api/bots/{bot}/token (same origin),
 * then DirectLineJS over WebSocket. Collects every activity the bots send.
 */
export async function openChat(host, botId, language) {
  const response = await fetch(`${host.url}/api/bots/${botId}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.url },
    body: JSON.stringify({ language }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  const issued = await response.json();
  const directLine = new DirectLine({ token: issued.token, domain: issued.directLineDomain, webSocket: true });
  const chat = new Chat(directLine, issued.userId, language);
  await chat.connected();
  return chat;
}

class Chat {
  constructor(directLine, userId, language) {
    this.directLine = directLine;
    this.userId = userId;
    this.language = language;
    this.botActivities = [];
    this.cursor = 0;
    this.waiters = [];
    this.subscription = directLine.activity$.subscribe(activity => {
      if (activity.from?.id === userId) return;
      this.botActivities.push(activity);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  connected() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('DirectLineJS did not connect')), 30_000);
      const sub = this.directLine.connectionStatus$.subscribe(status => {
        if (status === 2 /* Online */) { clearTimeout(timer); sub.unsubscribe(); resolve(); }
        if (status >= 3 /* ExpiredToken, FailedToConnect, Ended */) { clearTimeout(timer); sub.unsubscribe(); reject(new Error(`connection status ${status}`)); }
      });
    });
  }

  post(activity) {
    return new Promise((resolve, reject) => {
      this.directLine.postActivity({ from: { id: this.userId }, locale: this.language, ...activity })
        .subscribe({ next: resolve, error: reject });
    });
  }

  say(text) { return this.post({ type: 'message', text }); }

  join(extra = {}) { return this.post({ type: 'event', name: 'webchat/join', value: { locale: this.language, ...extra } }); }

  /** Clicks a button (a CardAction) the way Web Chat does. */
  click(action) {
    if (action.type === 'messageBack') {
      return this.post({ type: 'message', text: action.text, value: action.value, channelData: { messageBack: { displayText: action.displayText } } });
    }
    if (action.type === 'postBack') return this.post({ type: 'message', text: typeof action.value === 'string' ? action.value : undefined, value: typeof action.value === 'string' ? undefined : action.value, channelData: { postBack: true } });
    return this.say(action.value ?? action.title);
  }

  /** Waits for the next bot activity (after the cursor) that satisfies the predicate; returns it and moves the cursor past it. */
  async next(predicate, what, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = this.cursor; i < this.botActivities.length; i++) {
        if (predicate(this.botActivities[i])) {
          this.cursor = i + 1;
          return this.botActivities[i];
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.botActivities.slice(this.cursor).map(a => `  [${a.from?.id}] ${a.type} ${JSON.stringify(a.text ?? a.name ?? '')}`).join('\n');
        throw new Error(`Timed out waiting for ${what}. Bot activities since the last match:\n${seen}`);
      }
      await new Promise(resolve => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** Bot messages received after the cursor so far (not waiting). */
  pending() { return this.botActivities.slice(this.cursor); }

  end() {
    this.subscription.unsubscribe();
    this.directLine.end();
  }
}

export const aurora = activity => activity.channelData?.aurora ?? {};
