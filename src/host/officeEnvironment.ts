/**
 * Where the add-in is running, asked of Office once at start: inside Excel or
 * not (office.js outside Office resolves Office.onReady with host null, and a
 * page without office.js has no Office global at all), the Office theme's
 * lightness, and which Excel API requirement sets this Excel supports.
 * Every use of the Office global is guarded so a plain browser gets an answer,
 * not an exception.
 */

export type OfficeHostKind = 'excel' | 'other-office' | 'none';

export interface OfficeEnvironment {
  host: OfficeHostKind;
  /** From Office.context.officeTheme when Office reports one. */
  theme?: 'light' | 'dark';
  /** Office.context.requirements.isSetSupported, false outside Office. */
  supports(set: string, version: string): boolean;
}

/** Outside Office, onReady resolves at once; this only guards a page where it never does. */
const READY_TIMEOUT_MS = 10_000;

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Relative luminance of "#RRGGBB" (WCAG), or undefined for anything else. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!m) return undefined;
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function readTheme(office: typeof Office): 'light' | 'dark' | undefined {
  try {
    const theme = office.context?.officeTheme;
    const l = luminance(theme?.bodyBackgroundColor);
    return l === undefined ? undefined : l < 0.4 ? 'dark' : 'light';
  } catch {
    // officeTheme throws on hosts that do not support it.
    return undefined;
  }
}

export async function officeEnvironment(): Promise<OfficeEnvironment> {
  const office = officeGlobal();
  const none: OfficeEnvironment = { host: 'none', supports: () => false };
  if (!office || typeof office.onReady !== 'function') return none;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    office.onReady().catch(() => undefined),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), READY_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (!info || !info.host) return none;
  const excel = info.host === office.HostType.Excel;
  return {
    host: excel ? 'excel' : 'other-office',
    theme: readTheme(office),
    supports: (set, version) => {
      try {
        return office.context.requirements.isSetSupported(set, version);
      } catch {
        return false;
      }
    },
  };
}
