/** Creates a team assessment grid for the chosen framework (Fluent split: types, hook, styles, render). */
import type { FrameworkModel } from '../../../core/framework/model';
import { useGridAction } from './useGridAction';
import { useGridActionStyles } from './useGridActionStyles';
import { renderGridAction } from './renderGridAction';

export function GridAction(props: { framework: FrameworkModel }) {
  const state = useGridAction(props.framework);
  const styles = useGridActionStyles();
  return renderGridAction(state, styles);
}
