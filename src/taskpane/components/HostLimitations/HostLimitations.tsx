/** Tells the user up front what this Excel cannot do, rather than failing half-way. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { strings } from '../../strings';

export function HostLimitations(props: { limitations: readonly string[] }) {
  if (!props.limitations.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.limits.title}</MessageBarTitle>
        {props.limitations.map((text) => (
          <div key={text}>{text}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
