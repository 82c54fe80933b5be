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
  const languages: Record<string, number> = {};
  for (const sample of codeSamples) languages[sample.language] = (languages[sample.language] ?? 0) + 1;

  // The card asks for the code samples, so they come first, each with what it starts with; the outline
  // after them says where in the page to find them.
  const markdown: string[] = [];
  if (codeSamples.length === 0) markdown.push('This page has no code samples.');
  else {
    const marked = Object.keys(languages).filter((language) => language !== 'unknown');
    const unmarked = languages.unknown ?? 0;
    const notes: string[] = [];
    if (marked.length > 0) notes.push(marked.map((language) => `${language} ${languages[language]}`).join(', '));
    if (unmarked > 0) notes.push(unmarked === codeSamples.length ? 'no language marked' : `${unmarked} with no language marked`);
    markdown.push(`**${codeSamples.length} code sample${codeSamples.length === 1 ? '' : 's'}**${notes.length > 0 ? ` (${notes.join('; ')})` : ''}:`, '');
    for (const sample of codeSamples) {
      const language = sample.language === 'unknown' ? '' : `${sample.language}, `;
      markdown.push(`${sample.index}. ${language}${sample.lines} line${sample.lines === 1 ? '' : 's'}${sample.preview ? `: \`${sample.preview.replace(/`/g, "'")}\`` : ''}`);
    }
  }
  if (outline.length > 0) {
    markdown.push('', `**Sections of “${page.title}”**`, '');
    for (const heading of outline) markdown.push(`${'  '.repeat(Math.max(0, heading.level - topLevel))}- ${heading.text}`);
  }
  view.markdown(markdown.join('\n'));
  return { title: page.title, outline, codeSamples, languages };
}
