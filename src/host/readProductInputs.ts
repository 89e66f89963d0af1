/**
 * What people entered in the product's sheets (ratings, coverage levels...),
 * keyed as carryRatings expects, read before a plan is built. The grid's
 * coverage levels, for one, are chosen in the sheet and belong in the new plan
 * (workbookLayout's `coverageLevels`) rather than being set aside against its
 * defaults. Sheets that no longer look like the product's are skipped.
 */
import type { ExcelHost } from './excelHost';
import { officeHost } from './excelHost';
import { hostCapabilities } from './capabilities';
import { readWorkbookState, liveEntries } from './workbookState';
import { readOldSheets } from './oldSheets';
import type { PlanCell } from '../core/layouts/plan';
import { ratingKey } from '../core/layouts/carryRatings';

export interface ProductInputs {
  /** ratingKey(region, row key, column key) -> the value entered. */
  values: Map<string, PlanCell>;
  /** The product's sheets they were read from. */
  sheets: string[];
}

export async function readProductInputs(options: { host?: ExcelHost; readBudgetBytes?: number } = {}): Promise<ProductInputs> {
  const host = options.host ?? officeHost();
  hostCapabilities(host);
  return host.run(async (ctx) => {
    const round = async () => void (await ctx.sync());
    const state = await readWorkbookState(ctx, round, options.readBudgetBytes);
    const readings = await readOldSheets(ctx, liveEntries(state), round, options.readBudgetBytes);
    const values = new Map<string, PlanCell>();
    const sheets: string[] = [];
    for (const r of readings) {
      if (!r.signatureOk) continue;
      sheets.push(r.live.sheet.name);
      for (const v of r.ratings) {
        const key = ratingKey(v.region, v.person, v.competency);
        if (!values.has(key)) values.set(key, v.value);
      }
    }
    return { values, sheets };
  });
}
