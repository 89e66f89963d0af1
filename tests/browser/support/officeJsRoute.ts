/**
 * The task pane loads office.js from Microsoft's CDN. Browser tests run
 * offline: requests to the CDN are answered here, either from the local copy
 * of Microsoft's files (@microsoft/office-js, a dev dependency used only for
 * this) or, where the fake Excel host stands in for Office, with an empty
 * script so it cannot replace the fake. Nothing reaches the network.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const OFFICE_JS_URL = `${OFFICE_JS_CDN}office.js`;

const LOCAL_COPY = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/** Answers the CDN offline; returns the list of CDN URLs the page asked for, as it grows. */
export async function routeOfficeJs(page: Page, answer: 'local copy' | 'empty'): Promise<string[]> {
  const asked: string[] = [];
  await page.route(`${OFFICE_JS_CDN}**`, async (route) => {
    const url = route.request().url();
    asked.push(url);
    if (answer === 'empty') {
      const body = url === OFFICE_JS_URL ? '/* office.js is replaced by the fake Excel host in tests */' : '';
      return route.fulfill({ status: 200, contentType: 'text/javascript', body });
    }
    const file = path.join(LOCAL_COPY, new URL(url).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length));
    if (!file.startsWith(LOCAL_COPY) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(file) });
  });
  return asked;
}
