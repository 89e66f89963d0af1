/** Inserts the chosen framework's proficiency matrix, for all roles or the ones chosen. */
import { Body1, Checkbox, Label, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { chosenMatrixRoles, isBusy } from '../../state/taskpaneState';
import { RunButton } from '../RunButton/RunButton';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  roles: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalL },
  groupLabel: { display: 'block' },
});

export function MatrixAction(props: { framework: FrameworkModel; frameworkKey: string }) {
  const styles = useStyles();
  const { state, dispatch, workbench, run } = useTaskpane();
  const { framework, frameworkKey } = props;
  const chosen = chosenMatrixRoles(state);
  const all = chosen.length === framework.roles.length;
  const setRoles = (roleIds: string[]) => dispatch({ type: 'matrix-roles-changed', frameworkKey, roleIds });
  const toggle = (id: string, on: boolean) => setRoles(on ? [...chosen, id] : chosen.filter((r) => r !== id));

  return (
    <div className={styles.root}>
      <Body1 className={styles.muted}>{strings.matrix.description}</Body1>
      <div role="group" aria-labelledby="matrix-roles-label">
        <Label id="matrix-roles-label" weight="semibold" className={styles.groupLabel}>
          {strings.matrix.rolesLabel}
        </Label>
        <Checkbox
          label={strings.matrix.allRoles}
          checked={all ? true : chosen.length === 0 ? false : 'mixed'}
          onChange={() => setRoles(all ? [] : framework.roles.map((r) => r.id))}
        />
        <div className={styles.roles}>
          {framework.roles.map((r) => (
            <Checkbox
              key={r.id}
              label={r.name}
              checked={chosen.includes(r.id)}
              onChange={(_, data) => toggle(r.id, data.checked === true)}
            />
          ))}
        </div>
      </div>
      <RunButton
        id="run-matrix"
        label={strings.matrix.run}
        busy={isBusy(state)}
        blocked={chosen.length === 0 ? strings.matrix.noRoles : undefined}
        onRun={() => void run('matrix', (control) => workbench.insertMatrix({ framework, roleIds: chosen }, control))}
      />
    </div>
  );
}
