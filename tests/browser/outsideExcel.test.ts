/**
 * The production task pane opened in a plain browser, with Microsoft's real
 * office.js (asked of Microsoft's CDN, answered offline from the local copy):
 * Office.onReady resolves with host null, and the page must explain itself
 * without a single console error or a request anywhere but its own origin and
 * Microsoft's office.js.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type LaunchedChromium } from './support/chromium';
import { OUTPUT, productionBuild } from './support/productionBuild';
import { serveDirectory, type StaticServer } from './support/staticServer';
import { watchPage } from './support/pageWatch';
import { OFFICE_JS_CDN, OFFICE_JS_URL, routeOfficeJs } from './support/officeJsRoute';
import { strings } from '../../src/taskpane/strings';

const describeIfChromium = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) console.warn(`SKIPPED browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);

const SHOTS = path.join(OUTPUT, 'screenshots');

describeIfChromium('the task pane in a plain browser', () => {
  let server: StaticServer;
  let chromium: LaunchedChromium;

  beforeAll(async () => {
    server = await serveDirectory(productionBuild());
    chromium = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  async function open(width: number): Promise<{ page: Page; watch: ReturnType<typeof watchPage>; outside: string[]; microsoft: string[] }> {
    const page = await chromium.browser.newPage({ viewport: { width, height: 720 } });
    const watch = watchPage(page);
    const microsoft = await routeOfficeJs(page, 'local copy');
    const outside: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(server.origin) && !url.startsWith('data:') && !url.startsWith(OFFICE_JS_CDN)) outside.push(url);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    return { page, watch, outside, microsoft };
  }

  it.each([320, 450])(
    'explains at %i px that the add-in opens from Excel, with no console error and no request elsewhere',
    async (width) => {
      const { page, watch, outside, microsoft } = await open(width);
      await page.getByText(strings.outsideExcel.title).waitFor();
      await page.getByText(strings.outsideExcel.howTo).waitFor();
      expect(await page.getByRole('button', { name: strings.matrix.run }).count()).toBe(0);
      // Nothing runs off the side of a narrow pane.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `outside-excel-${width}.png`), fullPage: true });
      expect(watch.errors).toEqual([]);
      expect(outside).toEqual([]);
      // Microsoft's office.js came from Microsoft's CDN address (answered offline here), and nothing else did.
      expect(microsoft[0]).toBe(OFFICE_JS_URL);
      await page.close();
    },
  );
});
