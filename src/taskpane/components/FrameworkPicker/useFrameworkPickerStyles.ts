import { makeStyles, tokens } from '@fluentui/react-components';

export const useFrameworkPickerStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // A native select is as wide as its longest option: hold it to the pane's width instead.
  select: { width: '100%', minWidth: 0 },
  selectInner: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  importRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  description: { color: tokens.colorNeutralForeground3 },
  warnings: { marginTop: tokens.spacingVerticalXXS, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
});
