// Every page shape the suite puts an attack into: one per place a page can carry text a model will read.
import { docsPage } from './docs-page';
import { TINY_GIF, asHtmlComment, escapeHtml } from './html';
import { pullPage } from './pull-page';
import type { PageShape } from './types';

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

export const SHAPES: readonly PageShape[] = [
  { id: 'pull-description', where: 'pull request description', build: (input) => pullPage(input, { description: paragraph(input.attack.text) }) },
  { id: 'pull-review-comment', where: 'review comment', build: (input) => pullPage(input, { review: paragraph(input.attack.text) }) },
  { id: 'pull-html-comment', where: 'HTML comment in the description', build: (input) => pullPage(input, { description: asHtmlComment(input.attack.text) }) },
  {
    id: 'pull-diff-comment',
    where: 'code comment inside the diff',
    build: (input) => pullPage(input, { diffLines: input.attack.text.split('\n').map((line) => `// ${line}`) }),
  },
  {
    id: 'pull-hidden-block',
    where: 'display:none block',
    build: (input) => pullPage(input, { description: `<div style="display:none">${escapeHtml(input.attack.text)}</div>` }),
  },
  {
    id: 'pull-tiny-text',
    where: '1px white text',
    build: (input) => pullPage(input, { description: `<span style="font-size:1px;color:#fff;line-height:1px">${escapeHtml(input.attack.text)}</span>` }),
  },
  {
    id: 'pull-alt-text',
    where: 'image alt text',
    build: (input) => pullPage(input, { description: `<img src="${TINY_GIF}" width="1" height="1" alt="${escapeHtml(input.attack.text)}">` }),
  },
  {
    id: 'pull-aria-label',
    where: 'aria-label',
    build: (input) => pullPage(input, { review: `<span role="note" aria-label="${escapeHtml(input.attack.text)}">⚠</span>` }),
  },
  { id: 'docs-visible', where: 'visible article text', build: docsPage },
];

export type { PageShape, ShapePage } from './types';
