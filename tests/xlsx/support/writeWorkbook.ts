/** A layout plan written to .xlsx bytes the way the workbook command writes it: sheets, names and the registry. */
import ExcelJS from 'exceljs';
import type { LayoutPlan } from '../../../src/core/layouts/plan';
import { renderPlan } from '../../../src/xlsx/renderPlan';
import { registryFor, writeRegistry } from '../../../src/xlsx/workbookRegistry';

export async function planWorkbookBytes(plan: LayoutPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const rendered = renderPlan(wb, plan);
  writeRegistry(wb, registryFor(rendered, plan.title, plan.names.map((n) => n.name)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
