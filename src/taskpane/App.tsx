/**
 * The task pane: state and workbench at the root, the Fluent theme that
 * follows Office's, then the shell that shows what fits where the pane runs.
 */
import { FluentProvider } from '@fluentui/react-components';
import { TaskpaneProvider, useTaskpane } from './state/TaskpaneContext';
import { preferredTheme, themeFor } from './theme/themeFor';
import { AppShell } from './components/AppShell/AppShell';
import type { Workbench } from './workbench/types';

function ThemedShell() {
  const { state } = useTaskpane();
  const theme = state.host.status === 'ready' ? state.host.info.theme : preferredTheme();
  return (
    <FluentProvider theme={themeFor(theme)} data-theme={theme} style={{ minHeight: '100vh' }}>
      <AppShell />
    </FluentProvider>
  );
}

export function App(props: { workbench: Workbench }) {
  return (
    <TaskpaneProvider workbench={props.workbench}>
      <ThemedShell />
    </TaskpaneProvider>
  );
}
