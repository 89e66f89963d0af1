import { luminance, officeEnvironment } from './officeEnvironment';

type OfficeLike = Partial<typeof Office>;

function withOffice(office: OfficeLike | undefined, body: () => Promise<void>): Promise<void> {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  g.Office = office;
  return body().finally(() => {
    g.Office = before;
  });
}

function office(host: string | null, extra: { theme?: string | (() => never); sets?: Record<string, string> } = {}): OfficeLike {
  const context = {
    requirements: { isSetSupported: (set: string, version: string) => (extra.sets?.[set] ?? '0') >= version },
  } as Record<string, unknown>;
  if (typeof extra.theme === 'function') Object.defineProperty(context, 'officeTheme', { get: extra.theme });
  else if (extra.theme) context.officeTheme = { bodyBackgroundColor: extra.theme };
  return {
    onReady: (async () => ({ host, platform: null })) as unknown as typeof Office.onReady,
    HostType: { Excel: 'Excel', Word: 'Word' } as unknown as typeof Office.HostType,
    context: context as unknown as typeof Office.context,
  };
}

describe('the Office environment', () => {
  it('is "none" in a page without office.js', async () => {
    await withOffice(undefined, async () => {
      const env = await officeEnvironment();
      expect(env.host).toBe('none');
      expect(env.supports('ExcelApi', '1.1')).toBe(false);
    });
  });

  it('is "none" when office.js runs outside Office (onReady gives host null)', async () => {
    await withOffice(office(null), async () => expect((await officeEnvironment()).host).toBe('none'));
  });

  it('tells Excel from another Office host', async () => {
    await withOffice(office('Excel'), async () => expect((await officeEnvironment()).host).toBe('excel'));
    await withOffice(office('Word'), async () => expect((await officeEnvironment()).host).toBe('other-office'));
  });

  it('reads a dark or light Office theme from its body background', async () => {
    await withOffice(office('Excel', { theme: '#262626' }), async () => expect((await officeEnvironment()).theme).toBe('dark'));
    await withOffice(office('Excel', { theme: '#FFFFFF' }), async () => expect((await officeEnvironment()).theme).toBe('light'));
    await withOffice(office('Excel', { theme: '#E6E6E6' }), async () => expect((await officeEnvironment()).theme).toBe('light'));
  });

  it('leaves the theme open when Office cannot report one, rather than failing', async () => {
    await withOffice(
      office('Excel', {
        theme: () => {
          throw new Error('not supported');
        },
      }),
      async () => {
        const env = await officeEnvironment();
        expect(env.host).toBe('excel');
        expect(env.theme).toBeUndefined();
      },
    );
  });

  it('answers requirement-set questions from Office', async () => {
    await withOffice(office('Excel', { sets: { ExcelApi: '1.7' } }), async () => {
      const env = await officeEnvironment();
      expect(env.supports('ExcelApi', '1.7')).toBe(true);
      expect(env.supports('ExcelApi', '1.8')).toBe(false);
    });
  });

  it('computes WCAG luminance for #RRGGBB and nothing else', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('white')).toBeUndefined();
    expect(luminance(undefined)).toBeUndefined();
  });
});
