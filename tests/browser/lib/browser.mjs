// Headless Debian Chromium through playwright-core (no browser download), one fresh profile per launch.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './host.mjs';

export const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'aurorabots-chromium-'));
  // launchPersistentContext is how playwright takes a user-data-dir; every launch gets a fresh one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Demo sites on their own origins; all of them are this machine.
      '--host-resolver-rules=MAP *.localhost 127.0.0.1',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, page errors and CSP violations of a page, for assertions. */
export function watch(page) {
  const problems = { consoleErrors: [], pageErrors: [], cspViolations: [], requests: [] };
  page.on('console', (message) => { if (message.type() === 'error') problems.consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('request', (request) => problems.requests.push(`${request.method()} ${request.url()}`));
  return problems;
}

/** Registers a listener for securitypolicyviolation before any script runs. */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`.trim());
    });
  });
}

export async function screenshot(page, name, { fullPage = false } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
