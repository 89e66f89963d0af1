import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Spinner } from '@fluentui/react-components';
import { strings } from '../../strings';
import { FilePicker } from '../FilePicker/FilePicker';
import type { FrameworkPickerState } from './FrameworkPicker.types';
import type { useFrameworkPickerStyles } from './useFrameworkPickerStyles';

export function renderFrameworkPicker(state: FrameworkPickerState, styles: ReturnType<typeof useFrameworkPickerStyles>) {
  const chosen = [...state.builtIn, ...state.imported].find((o) => o.key === state.selectedKey);
  return (
    <div className={styles.root}>
      {state.loading ? (
        <Spinner size="tiny" label={strings.app.loadingFrameworks} />
      ) : (
        <Field label={strings.picker.label} hint={chosen ? chosen.description : undefined}>
          <Select
            id="framework-select"
            className={styles.select}
            select={{ className: styles.selectInner }}
            value={state.selectedKey}
            disabled={state.busy}
            onChange={(_, data) => state.onSelect(data.value)}
          >
            <option value="" disabled>
              {strings.picker.placeholder}
            </option>
            <optgroup label={strings.picker.builtInGroup}>
              {state.builtIn.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.name}
                </option>
              ))}
            </optgroup>
            {state.imported.length > 0 && (
              <optgroup label={strings.picker.importedGroup}>
                {state.imported.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            )}
          </Select>
        </Field>
      )}
      <div className={styles.importRow}>
        <FilePicker
          label={strings.picker.importButton}
          inputId="framework-file"
          accept=".json,.csv,.md,.markdown,.txt,application/json,text/csv,text/markdown"
          appearance="subtle"
          disabled={state.busy}
          describedBy="framework-file-hint"
          multiple
          onFiles={state.onImportFiles}
        />
        <Caption1 id="framework-file-hint" className={styles.hint}>
          {strings.picker.importHint}
        </Caption1>
      </div>
      {state.scaleChoice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <p>{strings.picker.scaleNeeded(state.scaleChoice.fileName)}</p>
            <Field label={strings.picker.scaleLabel}>
              <Select
                id="framework-scale"
                value={state.scaleChoice.chosen}
                disabled={state.busy}
                onChange={(_, data) => state.onScaleChosen(data.value)}
              >
                <option value="" disabled>
                  {strings.picker.scalePlaceholder}
                </option>
                {state.scaleChoice.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            <div className={styles.importRow}>
              <Button appearance="primary" disabled={state.busy || !state.scaleChoice.chosen} onClick={state.onImportWithScale}>
                {strings.picker.scaleImport}
              </Button>
              <Button appearance="subtle" onClick={state.onCancelScale}>
                {strings.picker.scaleCancel}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.canImportSheet && (
        <div className={styles.importRow}>
          <Button appearance="subtle" disabled={state.busy} aria-describedby="framework-sheet-hint" onClick={state.onImportSheet}>
            {strings.picker.importSheetButton}
          </Button>
          <Caption1 id="framework-sheet-hint" className={styles.hint}>
            {strings.picker.importSheetHint}
          </Caption1>
        </div>
      )}
      {state.storedProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {strings.picker.storedUnreadable} {state.storedProblem.detail} {state.storedProblem.fix}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.lastImport && (
        <MessageBar intent={state.lastImport.warnings.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            {state.lastImport.replaced
              ? strings.picker.replacedImport(state.lastImport.name)
              : strings.picker.importedOk(state.lastImport.name)}
            {state.lastImport.warnings.length > 0 && (
              <>
                {' '}
                {strings.picker.importWarnings(state.lastImport.warnings.length)}
                <ul className={styles.warnings}>
                  {state.lastImport.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
