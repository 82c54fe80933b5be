// For models without tool calling: fenced ```js blocks in a reply are scripts to run.

const fencedScript = /```(?:js|javascript)[ \t]*\r?\n([\s\S]*?)```/gi;

/** The code of every ```js / ```javascript block, in order, skipping empty ones. */
export function extractScriptBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const match of text.matchAll(fencedScript)) {
    const code = (match[1] ?? '').trim();
    if (code !== '') blocks.push(code);
  }
  return blocks;
}
