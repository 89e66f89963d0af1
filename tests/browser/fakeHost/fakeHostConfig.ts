/** What a browser test asks of the fake Excel before the page loads (plain JSON, set on window). */
export interface FakeHostConfig {
  /** Highest ExcelApi version; "1.17" by default. */
  apiVersion?: string;
  /** Office theme body background, e.g. "#262626" for dark. */
  themeBackground?: string;
  /** The user's own sheets and cells; "Sheet1" exists already and is filled when listed. */
  sheets?: { name: string; rows: (string | number | boolean)[][]; at?: string }[];
  tables?: { sheet: string; name: string; address: string }[];
  selection?: { sheet: string; address: string };
  /** Hold this sync (1-based) until the test calls window.__fakeHost.release(). */
  holdAtSync?: number;
  /** Make a sync fail with an Excel error code. */
  failAtSync?: { sync: number; code: string; message: string };
}

export const CONFIG_GLOBAL = '__fakeHostConfig';
export const FAKE_GLOBAL = '__fakeHost';
