// Starts the already-built AuroraBots host (infra/AuroraBots.Host/bin/**/AuroraBots.Host.dll) on a free loopback
// port, waits for /healthz, and stops it by PID. The suite builds nothing: run `dotnet build infra/AuroraBots.Host` first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hostDir = path.join(repoRoot, 'infra/AuroraBots.Host');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function hostDll() {
  for (const configuration of [process.env.AURORABOTS_CONFIGURATION, 'Debug', 'Release'].filter(Boolean)) {
    const dll = path.join(hostDir, 'bin', configuration, 'net10.0', 'AuroraBots.Host.dll');
    if (existsSync(dll)) return dll;
  }
  throw new Error(`AuroraBots.Host is not built: run "dotnet build infra/AuroraBots.Host" (looked under ${hostDir}/bin)`);
}

/**
 * @param {string} name the suite's name; the host's log is kept as artifacts/browser-logs/<name>.log
 * @param {Record<string,string>} [env] extra configuration as environment variables (Section__Key=value)
 * @returns {Promise<{port:number, origin:string, log:() => string, stop:() => Promise<void>}>}
 */
export async function startHost(name, env = {}) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn('dotnet', [hostDll(), '--urls', origin, '--contentRoot', hostDir], {
    cwd: hostDir,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      DOTNET_NOLOGO: '1',
      // The widget's host as the demo sites reference it: pages on localhost / *.localhost are cross-origin to it.
      Widget__PublicBaseUrl: origin,
      Logging__LogLevel__Default: 'Information',
      'Logging__LogLevel__Microsoft.AspNetCore': 'Warning',
      // With the master test script's Redis, the host stores conversations, dialog state and consents there.
      ...(process.env.AURORABOTS_TEST_REDIS ? { ConnectionStrings__Redis: process.env.AURORABOTS_TEST_REDIS } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`host exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`host did not become healthy in 60 s:\n${output}`); }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    port,
    origin,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      const logs = path.join(repoRoot, 'artifacts', 'browser-logs');
      mkdirSync(logs, { recursive: true });
      writeFileSync(path.join(logs, `${name}.log`), output);
    },
  };
}
