// What the doc-outline skill runs in the sandbox (its card: ../doc-outline.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';

export function docOutline(page: PageData) {
  if (page.type !== 'doc') throw new Error('doc-outline needs a documentation page');
  const outline = page.outline.map((heading) => ({ level: heading.level, text: heading.text, id: heading.id ?? null }));
  const topLevel = outline.length > 0 ? Math.min(...outline.map((heading) => heading.level)) : 1;
  const codeSamples = page.codeBlocks.map((block, index) => {
    const lines = block.code.split('\n');
    return { index: index + 1, language: block.language ?? 'unknown', lines: lines.length, preview: lines.find((line) => line.trim() !== '')?.trim().slice(0, 80) ?? '' };
  });
  const markdown = [`**${page.title}**`, ''];
  if (outline.length === 0) markdown.push('This page has no headings.');
  for (const heading of outline) markdown.push(`${'  '.repeat(Math.max(0, heading.level - topLevel))}- ${heading.text}`);
  view.markdown(markdown.join('\n'));
  if (codeSamples.length > 0) view.table(codeSamples, { title: `${codeSamples.length} code samples` });
  const languages: Record<string, number> = {};
  for (const sample of codeSamples) languages[sample.language] = (languages[sample.language] ?? 0) + 1;
  return { title: page.title, outline, codeSamples, languages };
}
