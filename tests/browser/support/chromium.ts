/**
 * Debian's Chromium driven by playwright-core, launched as verification.md
 * says: headless, a fresh profile, no network of its own. Never downloads a
 * browser; where /usr/bin/chromium is missing the suites skip and say so.
 */
import fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedChromium {
  browser: Browser;
  close(): Promise<void>;
}

/** playwright's launch gives every browser a fresh temporary profile of its own and removes it on close. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}
