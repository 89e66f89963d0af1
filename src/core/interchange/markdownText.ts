/**
 * Markdown reduced to the plain text a cell can show: publishers write CASE
 * statements and framework descriptions in Markdown (emphasis, links, code,
 * lists), and a workbook cell would show the asterisks and brackets literally.
 * Line structure is kept: a list item stays on its own line as "- item" (the
 * bullet convention the built-in frameworks use), paragraphs stay apart.
 * Intra-word underscores (snake_case) and lone asterisks (5 * 3) are text.
 */

const FENCE = /^\s*(```|~~~)/;

/** Escaped characters (\*) are hidden from the emphasis rules in private-use code points, then put back. */
const hide = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
const unhide = (text: string) => text.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

function inline(text: string): string {
  // Only a line with a backslash is hidden and put back, so private-use characters elsewhere stay as they are.
  return text.includes('\\') ? unhide(markers(hide(text))) : markers(text);
}

function markers(text: string): string {
  return (
    text
      // images keep their alt text, links their text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // autolinks and HTML tags
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      // code spans: their content verbatim
      .replace(/`+([^`]+?)`+/g, '$1')
      // strong, emphasis, strikethrough: markers only where they open and close around text
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1(?![A-Za-z0-9])/g, '$2')
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
  );
}

/** One line of Markdown as plain text; block markers (headings, quotes, bullets) become plain or "- ". */
function line(raw: string): string {
  let text = raw.replace(/\s+$/, '');
  text = text.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  text = text.replace(/^\s*(>\s?)+/, '');
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(text);
  if (bullet) text = `${bullet[1]}- ${bullet[2]}`;
  return inline(text);
}

/** Markdown as plain text, trimmed; paragraphs separated by one blank line. */
export function plainTextOfMarkdown(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw.replace(/\s+$/, ''));
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) continue; // a thematic break
    out.push(line(raw));
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Does this text use Markdown beyond plain prose (so reducing it changes something)? */
export function hasMarkdown(text: string): boolean {
  return plainTextOfMarkdown(text) !== text.trim();
}
