import { plainTextOfMarkdown } from './markdownText';

describe('Markdown statements reduced to the plain text a cell shows', () => {
  it('drops emphasis, code and link markers but keeps their words', () => {
    expect(plainTextOfMarkdown('**Triages** alerts and pages the [right responder](https://x.example/oncall) with `pagerctl`.')).toBe(
      'Triages alerts and pages the right responder with pagerctl.',
    );
    expect(plainTextOfMarkdown('Keeps it __fast__ and *safe*, ~~slow~~ never.')).toBe('Keeps it fast and safe, slow never.');
  });

  it('keeps list items on their own lines as "- " bullets and paragraphs apart', () => {
    expect(plainTextOfMarkdown('Runs an incident:\n\n* opens a channel\n+ keeps a timeline\n1. hands over')).toBe(
      'Runs an incident:\n\n- opens a channel\n- keeps a timeline\n1. hands over',
    );
  });

  it('leaves snake_case words, lone asterisks and escaped characters as text', () => {
    expect(plainTextOfMarkdown('Sets max_retry_count to 5 * 3 and writes \\*literally\\*.')).toBe(
      'Sets max_retry_count to 5 * 3 and writes *literally*.',
    );
  });

  it('removes heading marks, quotes, thematic breaks and HTML tags', () => {
    expect(plainTextOfMarkdown('# Title\n\n> quoted <b>bold</b>\n\n---\n\nEnd &amp; done')).toBe('Title\n\nquoted bold\n\nEnd & done');
  });

  it('keeps code blocks verbatim and astral-plane characters whole', () => {
    expect(plainTextOfMarkdown('```\nkubectl get **pods**\n```\n🚀 𠀀 *launch*')).toBe('kubectl get **pods**\n🚀 𠀀 launch');
  });
});
