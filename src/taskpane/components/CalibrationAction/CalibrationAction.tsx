/** Builds the calibration pack from the assessment grid: rater statistics and heatmaps. */
import { useState } from 'react';
import { Body1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { frameworkGrids, isBusy } from '../../state/taskpaneState';
import { GridChoice } from '../GridChoice/GridChoice';
import { RunButton } from '../RunButton/RunButton';
import { parseWholeNumber } from '../GridAction/parseWholeNumber';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { maxWidth: '8em' },
});

export function CalibrationAction(props: { framework: FrameworkModel }) {
  const styles = useStyles();
  const { state, dispatch, workbench, run } = useTaskpane();
  const minGroupSize = parseWholeNumber(state.calibration.minGroupSize, 2, 50);
  const { chosen, grids } = frameworkGrids(state);
  // Every grid on the framework calibrated together: one pack, its figures over all their people.
  const [together, setTogether] = useState(false);
  const pooled = together && grids.length > 1;
  return (
    <div className={styles.root}>
      <Body1 className={styles.muted}>{strings.calibration.description}</Body1>
      {!pooled && <GridChoice id="calibration-grid" />}
      {grids.length > 1 && (
        <Checkbox
          id="calibration-together"
          checked={together}
          onChange={(_, d) => setTogether(d.checked === true)}
          label={strings.calibration.together(grids.length, props.framework.name)}
        />
      )}
      <Field
        label={strings.calibration.minGroup}
        validationState={minGroupSize === undefined ? 'error' : 'none'}
        validationMessage={minGroupSize === undefined ? strings.calibration.minGroupInvalid : undefined}
      >
        <Input
          className={styles.number}
          type="number"
          min={2}
          max={50}
          value={state.calibration.minGroupSize}
          onChange={(_, d) => dispatch({ type: 'calibration-options-changed', patch: { minGroupSize: d.value } })}
        />
      </Field>
      <RunButton
        id="run-calibration"
        label={strings.calibration.run}
        busy={isBusy(state)}
        blocked={!chosen ? strings.gridChoice.noGrid : minGroupSize === undefined ? strings.calibration.minGroupInvalid : undefined}
        onRun={() =>
          chosen &&
          minGroupSize !== undefined &&
          void run('calibration', (control) =>
            workbench.buildCalibration(
              {
                framework: props.framework,
                gridSheet: chosen.sheet,
                minGroupSize,
                together: pooled ? grids.map((g) => ({ sheet: g.sheet, label: g.label || g.sheet })) : undefined,
              },
              control,
            ),
          )
        }
      />
    </div>
  );
}
