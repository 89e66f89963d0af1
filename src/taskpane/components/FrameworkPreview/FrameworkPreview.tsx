/**
 * The chosen framework before anything is written: where it comes from, then
 * its roles, competencies and scales in sections the user opens as needed.
 */
import { useMemo } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FrameworkModel } from '../../../core/framework/model';
import { strings } from '../../strings';
import { frameworkPreview } from './frameworkPreview';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  category: { marginTop: tokens.spacingVerticalXS },
  levelCode: { fontWeight: tokens.fontWeightSemibold },
  description: {
    display: '-webkit-box',
    WebkitLineClamp: '4',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

export function FrameworkPreview(props: { framework: FrameworkModel }) {
  const styles = useStyles();
  const preview = useMemo(() => frameworkPreview(props.framework), [props.framework]);
  return (
    <section className={styles.root} aria-labelledby="preview-heading">
      <Subtitle2 as="h3" id="preview-heading">
        {preview.name}
      </Subtitle2>
      {preview.description && <Body1 className={styles.description}>{preview.description}</Body1>}
      <Caption1 className={styles.muted}>{preview.source}</Caption1>
      <Caption1 className={styles.muted}>{preview.licence}</Caption1>
      <Accordion multiple collapsible>
        <AccordionItem value="roles">
          <AccordionHeader size="small">{strings.preview.roles(preview.roles.length)}</AccordionHeader>
          <AccordionPanel>
            <ol className={styles.list} aria-label={strings.preview.roles(preview.roles.length)}>
              {preview.roles.map((r) => (
                <li key={r.id}>
                  <Body1>{r.name}</Body1>
                </li>
              ))}
            </ol>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="competencies">
          <AccordionHeader size="small">{strings.preview.competencies(preview.competencyCount, preview.categories.length)}</AccordionHeader>
          <AccordionPanel>
            {preview.categories.map((c) => (
              <div key={c.name} className={styles.category}>
                <Caption1 as="h4" className={styles.levelCode}>
                  {c.name}
                </Caption1>
                <ul className={styles.list}>
                  {c.competencies.map((name) => (
                    <li key={name}>
                      <Body1>{name}</Body1>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="scales">
          <AccordionHeader size="small">{strings.preview.scales(preview.scales.length)}</AccordionHeader>
          <AccordionPanel>
            {preview.scales.map((s) => (
              <div key={s.id} className={styles.category}>
                <Caption1 as="h4" className={styles.levelCode}>
                  {s.name}
                </Caption1>
                {s.partial && <Caption1 className={styles.muted}>{strings.preview.partialScale}</Caption1>}
                <ol className={styles.list}>
                  {s.levels.map((l) => (
                    <li key={l.code}>
                      <Body1 className={styles.levelCode}>{l.label}</Body1>
                      {l.definition && <Caption1 className={styles.muted}> — {l.definition}</Caption1>}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
            <Caption1 className={styles.muted}>{strings.preview.targets(preview.targetCount)}</Caption1>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Caption1 className={styles.muted}>{strings.preview.nothingWritten}</Caption1>
    </section>
  );
}
