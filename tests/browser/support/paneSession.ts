/**
 * What every task-pane suite over the fake host sets up: the production build
 * served, one Chromium and the fake host's bundle for the whole suite, and a
 * pane per test, closed after it. Suites skip, saying why, without Chromium.
 */
import { chromiumAvailable, CHROMIUM_PATH, launchChromium, type LaunchedChromium } from './chromium';
import { productionBuild } from './productionBuild';
import { serveDirectory, type StaticServer } from './staticServer';
import { fakeHostBundle } from './fakeHostBundle';
import { openTaskpane, type TaskpanePage } from './taskpanePage';
import type { FakeHostConfig } from '../fakeHost/fakeHostConfig';

/** `describe` when Chromium is installed; otherwise a skipped suite and a line in the test output saying what installs it. */
export function describeInChromium(title: string, suite: () => void): void {
  if (chromiumAvailable()) return describe(title, suite);
  console.warn(`SKIPPED browser tests "${title}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  describe.skip(title, suite);
}

export interface PaneSession {
  /** Opens the task pane over a fake host; the page is closed after the test. */
  open(options: { width: number; config?: FakeHostConfig }): Promise<TaskpanePage>;
}

/** Call inside a describe block: registers the suite's beforeAll/afterEach/afterAll hooks. */
export function paneSession(): PaneSession {
  let server: StaticServer | undefined;
  let chromium: LaunchedChromium | undefined;
  let fakeHost = '';
  let open: TaskpanePage[] = [];

  beforeAll(async () => {
    const dist = productionBuild();
    [server, chromium, fakeHost] = await Promise.all([serveDirectory(dist), launchChromium(), fakeHostBundle()]);
  }, 240_000);

  afterEach(async () => {
    await Promise.all(open.map((p) => p.page.close()));
    open = [];
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  return {
    async open(options) {
      const pane = await openTaskpane(chromium!.browser, server!.origin, fakeHost, options);
      open.push(pane);
      return pane;
    },
  };
}
