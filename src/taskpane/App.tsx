import { FluentProvider, webLightTheme, Title3, Body1 } from '@fluentui/react-components';

export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title3 as="h1">Competency Matrix</Title3>
        <Body1>Frameworks, assessment grids and heatmaps.</Body1>
      </main>
    </FluentProvider>
  );
}
