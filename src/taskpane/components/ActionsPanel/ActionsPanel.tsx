/** Step two: what to build from the chosen framework, one section per action. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useTaskpane } from '../../state/TaskpaneContext';
import { selectedFramework } from '../../state/taskpaneState';
import { MatrixAction } from '../MatrixAction/MatrixAction';
import { GridAction } from '../GridAction/GridAction';
import { HeatmapAction } from '../HeatmapAction/HeatmapAction';
import { CalibrationAction } from '../CalibrationAction/CalibrationAction';
import { MeetingAction } from '../MeetingAction/MeetingAction';
import { CollectAction } from '../CollectAction/CollectAction';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  panel: { paddingBottom: tokens.spacingVerticalM },
});

export function ActionsPanel() {
  const styles = useStyles();
  const { state, workbench } = useTaskpane();
  const framework = selectedFramework(state);
  if (!framework || !state.selected) return null;
  const calibration = workbench.capabilities().calibration;
  return (
    <section className={styles.root} aria-labelledby="actions-heading">
      <Subtitle1 as="h2" id="actions-heading">
        {strings.actions.heading}
      </Subtitle1>
      {/* Keyed by framework so a new choice starts from the first action again. */}
      <Accordion key={state.selected} collapsible defaultOpenItems="matrix">
        <AccordionItem value="matrix">
          <AccordionHeader as="h3">{strings.matrix.heading}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <MatrixAction framework={framework} frameworkKey={state.selected} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="grid">
          <AccordionHeader as="h3">{strings.grid.heading}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <GridAction framework={framework} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="heatmaps">
          <AccordionHeader as="h3">{strings.heatmaps.heading}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <HeatmapAction framework={framework} />
          </AccordionPanel>
        </AccordionItem>
        {calibration && (
          <AccordionItem value="calibration">
            <AccordionHeader as="h3">{strings.calibration.heading}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <CalibrationAction framework={framework} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {calibration && workbench.startMeeting && (
          <AccordionItem value="meeting">
            <AccordionHeader as="h3">{strings.meeting.heading}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <MeetingAction framework={framework} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {workbench.collectReturns && (
          <AccordionItem value="collect">
            <AccordionHeader as="h3">{strings.collect.heading}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <CollectAction framework={framework} />
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </section>
  );
}
