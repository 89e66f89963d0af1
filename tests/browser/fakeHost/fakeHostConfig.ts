/** What a browser test asks of the fake Excel before the page loads (plain JSON, set on window). */
export interface FakeHostConfig {
  /** Highest ExcelApi version; "1.17" by default. */
  apiVersion?: string;
  /** Highest CustomFunctionsRuntime set, null for none; "1.4" by default. */
  customFunctionsRuntime?: string | null;
  /** Requests over this size fail as on Excel on the web (5 MB by default). */
  payloadLimitBytes?: number;
  /** Office theme body background, e.g. "#262626" for dark. */
  themeBackground?: string;
  /** The user's own sheets and cells; "Sheet1" exists already and is filled when listed. */
  sheets?: { name: string; rows: (string | number | boolean)[][]; at?: string }[];
  tables?: { sheet: string; name: string; address: string }[];
  selection?: { sheet: string; address: string };
  /** Make the first write of cell values or formulas fail with an Excel error code (earlier actions in its batch stay applied). */
  failFirstWrite?: { code: string; message: string };
}

export const CONFIG_GLOBAL = '__fakeHostConfig';
export const FAKE_GLOBAL = '__fakeHost';
