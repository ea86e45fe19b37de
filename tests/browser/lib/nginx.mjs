// A throw-away nginx (Debian package) in front of the host, as a municipality would run it: its own pages at /,
// the chat host under a path prefix with X-Forwarded-* headers and WebSocket upgrade. Stopped by PID.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './host.mjs';

/**
 * @param {number} upstreamPort the AuroraBots host on 127.0.0.1
 * @param {string} prefix e.g. '/chat'
 * @param {Record<string,string>} pages file name → HTML served at /<name>
 */
export async function startNginx(upstreamPort, prefix, pages) {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'aurorabots-nginx-'));
  chmodSync(dir, 0o755); // run as root, nginx's workers read the pages as an unprivileged user
  for (const [name, html] of Object.entries(pages)) writeFileSync(path.join(dir, name), html);
  writeFileSync(path.join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  types { text/html html; }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    location ${prefix}/ {
      proxy_pass http://127.0.0.1:${upstreamPort}/;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Prefix ${prefix};
      proxy_buffering off;
    }
  }
}
`);
  const child = spawn(process.env.NGINX_PATH || '/usr/sbin/nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output}`);
    try { await fetch(`http://127.0.0.1:${port}${prefix}/healthz`); break; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    origin: `http://localhost:${port}`,
    errors: () => { try { return readFileSync(path.join(dir, 'error.log'), 'utf8'); } catch { return ''; } },
    async stop() {
      if (child.exitCode === null) { child.kill('SIGQUIT'); await exited; }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
