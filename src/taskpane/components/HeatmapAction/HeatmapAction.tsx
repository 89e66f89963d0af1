/** Adds or refreshes the heatmaps of a team grid: the grid is rebuilt in place from its framework, ratings kept. */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { frameworkGrids, isBusy } from '../../state/taskpaneState';
import { RunButton } from '../RunButton/RunButton';
import { GridChoice } from '../GridChoice/GridChoice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function HeatmapAction(props: { framework: FrameworkModel }) {
  const styles = useStyles();
  const { state, workbench, run } = useTaskpane();
  const { chosen } = frameworkGrids(state);
  return (
    <div className={styles.root}>
      <Body1 className={styles.muted}>{strings.heatmaps.description}</Body1>
      <GridChoice id="heatmap-grid" />
      <RunButton
        id="run-heatmaps"
        label={strings.heatmaps.run}
        busy={isBusy(state)}
        blocked={chosen ? undefined : strings.gridChoice.noGrid}
        onRun={() =>
          chosen &&
          void run('heatmaps', (control) => workbench.addHeatmaps({ framework: props.framework, gridSheet: chosen.sheet }, control))
        }
      />
    </div>
  );
}
