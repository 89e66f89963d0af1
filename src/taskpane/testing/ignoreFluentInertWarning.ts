/**
 * For jsdom suites that render the whole pane: Fluent's accordion motion hands
 * React 18 a boolean `inert`, which React's development build warns about
 * (production builds do not). That one known warning is left out; any other
 * console error still shows. Call at the top of a test file.
 */
export function ignoreFluentInertWarning(): void {
  const consoleError = console.error.bind(console);
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (text.includes('for a non-boolean attribute') && text.includes('inert')) return;
      consoleError(...args);
    });
  });
  afterAll(() => jest.restoreAllMocks());
}
