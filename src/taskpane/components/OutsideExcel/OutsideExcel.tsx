/** What a plain browser shows: what this page is, and how to open it in Excel. */
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  cli: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export function OutsideExcel() {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="outside-title">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="outside-title">{strings.outsideExcel.title}</MessageBarTitle>
          <div>{strings.outsideExcel.body}</div>
        </MessageBarBody>
      </MessageBar>
      <Body1>{strings.outsideExcel.howTo}</Body1>
      <Body1>{strings.outsideExcel.cli}</Body1>
      <code className={styles.cli}>{strings.outsideExcel.cliCommand}</code>
    </section>
  );
}
