import { makeStyles, tokens } from '@fluentui/react-components';

export const useGridActionStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  sourceDetail: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXXL,
    minWidth: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  number: { maxWidth: '9em' },
  select: { width: '100%', minWidth: 0 },
  selectInner: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});
