/** Step one: choose a framework and see what it holds. */
import { Body1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { selectedFramework } from '../../state/taskpaneState';
import { FrameworkPicker } from '../FrameworkPicker/FrameworkPicker';
import { FrameworkPreview } from '../FrameworkPreview/FrameworkPreview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function FrameworkSection() {
  const styles = useStyles();
  const { state } = useTaskpane();
  const framework = selectedFramework(state);
  return (
    <section className={styles.root} aria-labelledby="framework-heading">
      <Subtitle1 as="h2" id="framework-heading">
        {strings.picker.heading}
      </Subtitle1>
      <FrameworkPicker />
      {framework ? (
        <FrameworkPreview framework={framework} />
      ) : (
        state.library.status === 'ready' && <Body1 className={styles.muted}>{strings.picker.chooseFirst}</Body1>
      )}
    </section>
  );
}
