/**
 * The Fluent theme that matches Office's: the host reports light or dark (from
 * Office.context.officeTheme); before it answers, and outside Office, the
 * browser's colour-scheme preference stands in.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../workbench/types';

export function themeFor(name: ThemeName): Theme {
  return name === 'dark' ? webDarkTheme : webLightTheme;
}

export function preferredTheme(): ThemeName {
  const query =
    typeof window !== 'undefined' && typeof window.matchMedia === 'function'
      ? window.matchMedia('(prefers-color-scheme: dark)')
      : undefined;
  return query?.matches ? 'dark' : 'light';
}
