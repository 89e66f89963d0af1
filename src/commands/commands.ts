/**
 * Ribbon commands. In the shared runtime this runs in the task pane's page; the
 * ribbon button opens the pane (ShowTaskpane in the manifest), so no function
 * commands are needed yet. Guarded: outside Office the globals are absent.
 */
export function registerCommands(): void {
  if (typeof Office === 'undefined' || !Office.onReady) return;
  void Office.onReady();
}

registerCommands();
