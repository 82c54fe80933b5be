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

/** The prelude's helpers a sandbox script calls (lib/sandbox/prelude-helpers-source.ts). */
const HELPER_NAMES = 'files|hunks|addedLines|removedLines|sum|mean|median|groupBy|sortBy|topN';

/**
 * What a script written for the sandbox reads: the page data, or a prelude helper called. A helper
 * counts when called, not when an example defines its own (`function sum(`) or calls a library's (`_.sum(`).
 */
const READS_THE_SANDBOX = new RegExp(
  String.raw`\bpage\s*(?:\.|\[)|(?<!function\s*|\.\s*)\b(?:${HELPER_NAMES})\s*\(|\bview\s*\.\s*(?:table|markdown|chart)\s*\(`,
);

/**
 * Code for somewhere else: a module, a browser page, Node, a browser-automation script's `page`, or
 * an example that defines its own `sum` or `median` (a sandbox script calls the prelude's).
 */
const WRITTEN_FOR_ELSEWHERE = new RegExp(
  String.raw`^\s*(?:import\s*[\w{*]|export\s)|\b(?:document|window|require|process|chrome|browser)\s*[.(]|\bawait\s+page\.|\b(?:function|const|let|var)\s+(?:${HELPER_NAMES})\b`,
  'm',
);

/**
 * Whether a block from a model that was offered tools is a script for the sandbox rather than an
 * example in its answer ("here is a debounce helper"): it must read the page or call a helper, and
 * must not be written for a module, a web page or Node.
 */
export function isSandboxScript(code: string): boolean {
  return READS_THE_SANDBOX.test(code) && !WRITTEN_FOR_ELSEWHERE.test(code);
}

/**
 * The scripts to run from a reply without tool calls. When the server refused tools, every block is
 * one (the system prompt asked for that). When tools were offered, only blocks written for the sandbox
 * are: a server that drops the tools silently leaves the model following the prompt's fallback, while
 * a model that can call tools and shows code is answering. Once it has called a tool, blocks are answers.
 */
export function scriptsToRun(replyText: string, tools: 'refused' | 'offered' | 'used'): string[] {
  if (tools === 'used') return [];
  const blocks = extractScriptBlocks(replyText);
  return tools === 'refused' ? blocks : blocks.filter(isSandboxScript);
}
