// serializeForPrompt: a PageContext as prompt text within a token budget. Facts always; then the
// kind's outline; then detail while the budget lasts. Every cut is marked in the text and listed.

import { PromptWriter } from './prompt-writer';
import { planFor } from './serialize-kinds';
import type { PageContext } from './types';

export interface SerializedContext {
  text: string;
  tokens: number;
  cut: string[];
}

export const DEFAULT_PROMPT_BUDGET = 6000;
/** The outline may take up to this share of what is left after the facts; detail gets the rest. */
const OUTLINE_SHARE = 0.5;
const SELECTION_SHARE = 0.25;
const MAX_FACT_CHARS = 300;

function factLine(key: string, value: string | number | boolean): string {
  const text = String(value).replace(/\s+/g, ' ');
  return `- ${key}: ${text.length > MAX_FACT_CHARS ? `${text.slice(0, MAX_FACT_CHARS)}…` : text}`;
}

function writeHeader(writer: PromptWriter, context: PageContext): void {
  writer.force(`# ${context.title || '(untitled page)'}`);
  writer.force(`url: ${context.url}`);
  writer.force(`kind: ${context.kind}`);
  for (const [key, value] of Object.entries(context.facts)) writer.force(factLine(key, value));
  if (context.redactions > 0) writer.force(`- secrets masked: ${context.redactions}`);
  if (context.cut && context.cut.length > 0) writer.force(`- not captured: ${context.cut.slice(0, 5).join('; ')}${context.cut.length > 5 ? '; …' : ''}`);
}

function writeSelectionAndFocus(writer: PromptWriter, context: PageContext): void {
  if (context.focus && context.focus.length > 0) writer.tryAdd(`in view: ${context.focus.join(' · ')}`);
  if (!context.selection) return;
  writer.writeSection(
    { heading: '## Selected by the user', lines: context.selection.split('\n'), cutNote: (count) => `${count} more lines of the selection` },
    Math.floor(writer.remaining * SELECTION_SHARE),
  );
}

export function serializeForPrompt(context: PageContext, budgetTokens = DEFAULT_PROMPT_BUDGET): SerializedContext {
  const writer = new PromptWriter(budgetTokens);
  writeHeader(writer, context);
  writeSelectionAndFocus(writer, context);
  const plan = planFor(context.data);
  if (plan.outline.length > 0 && writer.tryAdd('## Outline') > 0) {
    writer.writeSections(plan.outline, Math.floor(writer.remaining * OUTLINE_SHARE));
  }
  if (plan.detail.length > 0) {
    if (writer.tryAdd('## Detail') > 0) writer.writeSections(plan.detail, writer.remaining, plan.summarise);
    else writer.cut.push('all detail — available to scripts as page');
  }
  const { text, tokens } = writer.finish();
  return { text, tokens, cut: writer.cut };
}
