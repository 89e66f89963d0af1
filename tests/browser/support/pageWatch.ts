/** Collects what a page says on its console and throws, so a test can assert there was nothing wrong. */
import type { Page } from 'playwright-core';

export interface PageWatch {
  errors: string[];
  warnings: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], warnings: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
    if (m.type() === 'warning') watch.warnings.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => watch.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) watch.errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return watch;
}
