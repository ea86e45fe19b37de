// Runs axe-core (npm) inside the page and returns violations with impact serious or critical.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function seriousViolations(page, include) {
  // Injected through the DevTools protocol (page.evaluate), which the page's CSP does not govern. No preload:
  // axe would otherwise copy cross-origin stylesheets into inline <style> elements, which the strict CSP refuses.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (selector) => {
    const context = selector ? { include: [selector] } : document;
    const outcome = await window.axe.run(context, { resultTypes: ['violations'], preload: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return outcome.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  }, include ?? null);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
