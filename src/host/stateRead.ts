/**
 * One read of the open workbook: the host's checks, one request context and the
 * workbook's state (sheets, names, the product's registry) read once. The
 * readers of the product's sheets work inside it, so an action that needs
 * several of them (the calibration pack: the grids, the settings of earlier
 * packs, a master's self ratings) reads the registry once, not once per reader.
 */
import type { XRequestContext } from './excelApi';
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import { DEFAULT_READ_BUDGET_BYTES } from './payload';
import { readWorkbookState, type WorkbookState } from './workbookState';

export interface StateReadOptions {
  host?: ExcelHost;
  /** Largest response a read may ask for (Excel on the web: 5 MB). */
  readBudgetBytes?: number;
}

export interface StateRead {
  ctx: XRequestContext;
  state: WorkbookState;
  budget: number;
}

export async function withWorkbookState<T>(options: StateReadOptions, read: (r: StateRead) => Promise<T>): Promise<T> {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  return host.run(async (ctx: XRequestContext) => {
    const state = await readWorkbookState(ctx, async () => void (await ctx.sync()), budget);
    return read({ ctx, state, budget });
  });
}
