/**
 * Which team grid an action works on: the grids the product made with the
 * chosen framework, read from the workbook when the section first shows,
 * each shown with whose it is, its people and when it was written. With none,
 * it says how to make one (or, `quiet`, shows nothing).
 */
import { useCallback, useEffect } from 'react';
import { Button, Caption1, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { frameworkGrids, selectedFramework } from '../../state/taskpaneState';
import { describeProblem } from '../../problems/describeProblem';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  select: { width: '100%', minWidth: 0 },
  selectInner: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

export function GridChoice(props: { id: string; quiet?: boolean; label?: string }) {
  const styles = useStyles();
  const { state, dispatch, workbench } = useTaskpane();
  const framework = selectedFramework(state);
  const { grids, chosen } = frameworkGrids(state);

  const load = useCallback(async () => {
    dispatch({ type: 'grids-loading' });
    try {
      dispatch({ type: 'grids-loaded', grids: await workbench.listGrids() });
    } catch (e) {
      dispatch({ type: 'grids-failed', problem: describeProblem(e) });
    }
  }, [dispatch, workbench]);

  useEffect(() => {
    if (state.grids.status === 'unknown') void load();
  }, [state.grids.status, load]);

  if (props.quiet && (state.grids.status !== 'ready' || !grids.length)) return null;
  if (state.grids.status === 'unknown' || state.grids.status === 'loading')
    return <Spinner size="tiny" label={strings.gridChoice.loading} />;
  if (state.grids.status === 'failed' || !grids.length) {
    const others = state.grids.status === 'ready' ? state.grids.items.length : 0;
    const message =
      state.grids.status === 'failed'
        ? `${state.grids.problem.detail} ${state.grids.problem.fix}`
        : others
          ? strings.gridChoice.otherFrameworks(framework?.name ?? '')
          : strings.gridChoice.none;
    return (
      <div className={styles.row}>
        <Caption1 id={`${props.id}-none`}>{message}</Caption1>
        <Button size="small" onClick={() => void load()}>
          {strings.gridChoice.refresh}
        </Button>
      </div>
    );
  }
  return (
    <Field label={props.label ?? strings.gridChoice.label}>
      <Select
        id={props.id}
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={chosen?.sheet}
        onChange={(_, d) => dispatch({ type: 'grid-chosen', sheet: d.value })}
      >
        {grids.map((g) => (
          <option key={g.sheet} value={g.sheet}>
            {strings.gridChoice.option(g.sheet, g.people, g.label, g.writtenAt)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
