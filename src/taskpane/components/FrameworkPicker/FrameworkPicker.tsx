/** Chooses the framework everything else works on: the built-in library plus imported files. */
import { useFrameworkPicker } from './useFrameworkPicker';
import { useFrameworkPickerStyles } from './useFrameworkPickerStyles';
import { renderFrameworkPicker } from './renderFrameworkPicker';

export function FrameworkPicker() {
  const state = useFrameworkPicker();
  const styles = useFrameworkPickerStyles();
  return renderFrameworkPicker(state, styles);
}
