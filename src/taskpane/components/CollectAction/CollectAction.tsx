/**
 * Collect returned workbooks: the user picks the team and self-assessment
 * files that came back (several at once); they are read in the browser and
 * merged into the master open in Excel, as `cycle collect` does.
 */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { isBusy } from '../../state/taskpaneState';
import { FilePicker } from '../FilePicker/FilePicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CollectAction(props: { framework: FrameworkModel }) {
  const styles = useStyles();
  const { state, workbench, run } = useTaskpane();
  const collect = workbench.collectReturns?.bind(workbench);
  if (!collect) return null;
  return (
    <div className={styles.root}>
      <Body1 id="collect-description" className={styles.muted}>
        {strings.collect.description}
      </Body1>
      <FilePicker
        label={strings.collect.pick}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        appearance="primary"
        inputId="collect-files"
        describedBy="collect-description"
        disabled={isBusy(state)}
        onFiles={(picked) =>
          void run('collect', async (control) => {
            const files = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
            return collect({ framework: props.framework, files }, control);
          })
        }
      />
    </div>
  );
}
