/** A Markdown document split into its front matter (a small YAML subset) and its body. */
export type FrontMatterDocument = { data: Record<string, string | string[]>; body: string };

/**
 * Reads `key: value` lines and lists written inline (`[a, b]`) or as `- item` lines, the subset
 * content/README.md allows; anything else in the front matter is an error naming the line.
 */
export function parseFrontMatter(text: string): FrontMatterDocument {
  const normalized = text.replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalized);
  if (!match) return { data: {}, body: normalized };
  const data: Record<string, string | string[]> = {};
  let listKey: string | null = null;
  for (const [index, rawLine] of match[1]!.split('\n').entries()) {
    const line = rawLine.replace(/\s+#.*$/, '');
    if (line.trim() === '') continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (data[listKey] as string[]).push(unquote(item[1]!));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!pair) throw new Error(`front matter line ${index + 2} is not "key: value": ${rawLine}`);
    const [, key, value] = pair as unknown as [string, string, string];
    if (value === '') {
      data[key] = [];
      listKey = key;
    } else if (value.startsWith('[') && value.endsWith(']')) {
      data[key] = splitInlineList(value.slice(1, -1));
      listKey = null;
    } else {
      data[key] = unquote(value);
      listKey = null;
    }
  }
  return { data, body: normalized.slice(match[0].length) };
}

function splitInlineList(inner: string): string[] {
  return inner
    .split(',')
    .map((part) => unquote(part.trim()))
    .filter((part) => part !== '');
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if ((trimmed.startsWith('"') && trimmed.endsWith('"')) || (trimmed.startsWith("'") && trimmed.endsWith("'"))) return trimmed.slice(1, -1);
  return trimmed;
}
