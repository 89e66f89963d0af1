import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup, Select, Spinner } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { GridReadiness } from '../../../core/layouts/gridShape';
import { strings } from '../../strings';
import { FilePicker } from '../FilePicker/FilePicker';
import { RunButton } from '../RunButton/RunButton';
import { GridChoice } from '../GridChoice/GridChoice';
import type { GridActionState } from './GridAction.types';
import type { useGridActionStyles } from './useGridActionStyles';
import { MAX_BLANK_ROWS } from './useGridAction';

function renderTableChoice(state: GridActionState, styles: ReturnType<typeof useGridActionStyles>) {
  const { tables } = state;
  if (tables.status === 'loading' || tables.status === 'unknown') return <Spinner size="tiny" label={strings.grid.tablesLoading} />;
  if (tables.status === 'failed' || tables.items.length === 0) {
    return (
      <div className={styles.row}>
        <Caption1>{tables.status === 'failed' ? `${tables.problem.detail} ${tables.problem.fix}` : strings.grid.noTables}</Caption1>
        <Button size="small" onClick={state.loadTables}>
          {strings.grid.refreshTables}
        </Button>
      </div>
    );
  }
  return (
    <Field label={strings.grid.tableLabel}>
      <Select
        id="grid-table"
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={state.options.table ?? ''}
        onChange={(_, d) => state.setOptions({ table: d.value })}
      >
        {tables.items.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function renderSourceDetail(state: GridActionState, styles: ReturnType<typeof useGridActionStyles>) {
  const { options } = state;
  switch (options.source) {
    case 'selection':
      return <Caption1 className={styles.muted}>{strings.grid.sourceSelectionHint}</Caption1>;
    case 'table':
      return renderTableChoice(state, styles);
    case 'csv':
      return (
        <>
          <div className={styles.row}>
            <FilePicker
              label={strings.grid.csvButton}
              inputId="roster-file"
              accept=".csv,.txt,text/csv"
              disabled={state.busy}
              describedBy="roster-file-status"
              onFiles={(files) => state.chooseCsv(files[0])}
            />
            <Caption1 id="roster-file-status" aria-live="polite">
              {options.csv ? strings.grid.csvChosen(options.csv.fileName, options.csv.rows) : strings.grid.csvNone}
            </Caption1>
          </div>
          <Caption1 className={styles.muted}>{strings.grid.csvHint}</Caption1>
        </>
      );
    case 'blank':
      return (
        <>
          <Field
            label={strings.grid.blankCount}
            validationState={state.blankCountInvalid ? 'error' : 'none'}
            validationMessage={state.blankCountInvalid ? strings.grid.blankCountInvalid(MAX_BLANK_ROWS) : undefined}
          >
            <Input
              id="grid-blank-count"
              className={styles.number}
              type="number"
              min={1}
              max={MAX_BLANK_ROWS}
              value={options.blankCount}
              onChange={(_, d) => state.setOptions({ blankCount: d.value })}
            />
          </Field>
          <Field label={strings.grid.blankRole}>
            <Select
              id="grid-blank-role"
              className={styles.select}
              select={{ className: styles.selectInner }}
              value={options.blankRoleId ?? state.roles[0]?.id}
              onChange={(_, d) => state.setOptions({ blankRoleId: d.value })}
            >
              {state.roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      );
  }
}

const READINESS_CHOICES = [
  ['strict', 'readinessStrict', 'readinessStrictHint'],
  ['tolerant', 'readinessTolerant', 'readinessTolerantHint'],
  ['none', 'readinessNone', 'readinessNoneHint'],
] as const satisfies readonly (readonly [GridReadiness, keyof typeof strings.grid, keyof typeof strings.grid])[];

function readinessOf(value: string): GridReadiness {
  return value === 'tolerant' || value === 'none' ? value : 'strict';
}

/** "Update this grid": shown once the workbook has a grid on this framework. */
function renderUpdate(state: GridActionState, styles: ReturnType<typeof useGridActionStyles>) {
  return (
    <div className={styles.sourceDetail}>
      <GridChoice id="update-grid" quiet label={strings.grid.updateChoice} />
      {state.updateTarget && (
        <>
          <Caption1 className={styles.muted}>{strings.grid.updateHint}</Caption1>
          <RunButton id="run-update-grid" label={strings.grid.update} busy={state.busy} blocked={state.blocked} onRun={state.update} />
        </>
      )}
    </div>
  );
}

export function renderGridAction(state: GridActionState, styles: ReturnType<typeof useGridActionStyles>) {
  const { options } = state;
  return (
    <div className={styles.root}>
      <Body1 className={styles.muted}>{strings.grid.description}</Body1>
      <Field label={strings.grid.sourceLabel}>
        <RadioGroup value={options.source} onChange={(_, d) => state.setSource(d.value as typeof options.source)}>
          <Radio value="selection" label={strings.grid.sourceSelection} />
          <Radio value="table" label={strings.grid.sourceTable} />
          <Radio value="csv" label={strings.grid.sourceCsv} />
          <Radio value="blank" label={strings.grid.sourceBlank} />
        </RadioGroup>
      </Field>
      <div className={styles.sourceDetail}>{renderSourceDetail(state, styles)}</div>
      <Field label={strings.grid.formulasLabel}>
        <RadioGroup
          value={state.addinFunctions ? options.formulas : 'portable'}
          onChange={(_, d) => state.setOptions({ formulas: d.value === 'addin' ? 'addin' : 'portable' })}
        >
          <Radio value="portable" label={strings.grid.formulasPortable} aria-describedby="formulas-portable-hint" />
          <Caption1 id="formulas-portable-hint" className={styles.sourceDetail}>
            {strings.grid.formulasPortableHint}
          </Caption1>
          <Radio value="addin" label={strings.grid.formulasAddin} disabled={!state.addinFunctions} aria-describedby="formulas-addin-hint" />
          <Caption1 id="formulas-addin-hint" className={styles.sourceDetail}>
            {state.addinFunctions ? strings.grid.formulasAddinHint : strings.grid.formulasAddinUnavailable}
          </Caption1>
        </RadioGroup>
      </Field>
      <Field label={strings.grid.readinessLabel}>
        <RadioGroup value={options.readiness} onChange={(_, d) => state.setOptions({ readiness: readinessOf(d.value) })}>
          {READINESS_CHOICES.map(([value, label, hint]) => (
            <Fragment key={value}>
              <Radio value={value} label={strings.grid[label]} aria-describedby={`readiness-${value}-hint`} />
              <Caption1 id={`readiness-${value}-hint`} className={styles.sourceDetail}>
                {strings.grid[hint]}
              </Caption1>
            </Fragment>
          ))}
        </RadioGroup>
      </Field>
      <RunButton id="run-grid" label={strings.grid.run} busy={state.busy} blocked={state.blocked} onRun={state.run} />
      <Caption1 className={styles.muted}>{strings.grid.addHint}</Caption1>
      {renderUpdate(state, styles)}
    </div>
  );
}
