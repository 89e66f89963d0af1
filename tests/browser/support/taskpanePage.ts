/**
 * Opens the production task pane in Chromium with the fake Excel installed
 * before any of the page's scripts run (office.js, from Microsoft's CDN, is
 * answered offline with an empty script, so it cannot replace the fake), and gives tests the few
 * moves a user makes: choose, click, read what the pane says.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { strings } from '../../../src/taskpane/strings';
import { CONFIG_GLOBAL, FAKE_GLOBAL, type FakeHostConfig } from '../fakeHost/fakeHostConfig';
import { OUTPUT } from './productionBuild';
import { watchPage, type PageWatch } from './pageWatch';
import { routeOfficeJs } from './officeJsRoute';

export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');

export interface TaskpanePage {
  page: Page;
  watch: PageWatch;
  /** Calls a method of window.__fakeHost in the page. */
  fake<T>(method: string, ...args: unknown[]): Promise<T>;
  chooseFramework(name: string): Promise<void>;
  openSection(name: string): Promise<void>;
  /** Waits for the feedback area to settle on an outcome, and returns its state and text. */
  outcome(): Promise<{ state: string; text: string }>;
  /** Clicks an action's run button and returns the outcome it settles on. */
  run(button: string): Promise<{ state: string; text: string }>;
  screenshot(name: string): Promise<void>;
}

export async function openTaskpane(
  browser: Browser,
  origin: string,
  fakeHost: string,
  options: { width: number; config?: FakeHostConfig },
): Promise<TaskpanePage> {
  const page = await browser.newPage({ viewport: { width: options.width, height: 800 } });
  const watch = watchPage(page);
  await routeOfficeJs(page, 'empty');
  await page.addInitScript(`window.${CONFIG_GLOBAL} = ${JSON.stringify(options.config ?? {})};`);
  await page.addInitScript(fakeHost);
  await page.goto(`${origin}/taskpane.html`);
  const status = page.getByTestId('operation-status');
  /** Waits for the feedback area to settle on an outcome. */
  async function outcome() {
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="operation-status"]')?.getAttribute('data-state');
      return s === 'succeeded' || s === 'failed' || s === 'cancelled';
    });
    return { state: (await status.getAttribute('data-state')) ?? '', text: (await status.innerText()).replace(/\s+/g, ' ') };
  }
  return {
    page,
    watch,
    fake: (method, ...args) =>
      page.evaluate(
        ([g, m, a]) =>
          (window as never as Record<string, Record<string, (...x: unknown[]) => unknown>>)[g as string][m as string](...(a as unknown[])),
        [FAKE_GLOBAL, method, args] as const,
      ) as never,
    async chooseFramework(name) {
      await page.getByLabel(strings.picker.label).selectOption({ label: name });
    },
    async openSection(name) {
      const header = page.getByRole('button', { name, exact: true });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    },
    outcome,
    async run(button) {
      // The status still shows the previous action's outcome when the click lands: watch for it to
      // change, so the outcome read is this action's and never the one before it.
      await page.evaluate(() => {
        const w = window as never as { __statusChanged: boolean; __statusObserver?: MutationObserver };
        w.__statusObserver?.disconnect();
        w.__statusChanged = false;
        const el = document.querySelector('[data-testid="operation-status"]');
        if (!el) return;
        w.__statusObserver = new MutationObserver(() => {
          w.__statusChanged = true;
        });
        w.__statusObserver.observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
      });
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.waitForFunction(() => (window as never as { __statusChanged: boolean }).__statusChanged);
      return outcome();
    },
    async screenshot(name) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${options.width}.png`), fullPage: true });
    },
  };
}

/** axe-core's findings on the page as it is now (WCAG 2.1 A and AA rules), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Panels fade in: judge colours once every animation has finished, not mid-fade.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const already = await page.evaluate(() => 'axe' in window);
  if (!already) await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (
      window as never as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  return result;
}
