// For models without tool calling: fenced ```js blocks in a reply are scripts to run.
import { helperFunctions } from './sandbox-helpers';

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

/** The prelude's helpers a sandbox script calls (lib/sandbox/prelude/). */
const HELPERS = `(?:${helperFunctions.join('|')})`;

/**
 * What a script written for the sandbox reads: `page` or `context` as the data (not `req.page`, not a
 * key or a call), a prelude helper called (not a method, not a definition), or a view made.
 */
const READS_THE_SANDBOX = new RegExp(
  String.raw`(?<!\.\s{0,8})\b(?:page|context)\b(?!\s*(?::|\(|=[^=]))|(?<!\.\s{0,8}|function\s{1,8})\b${HELPERS}\s*\(|\bview\s*\.\s*(?:table|markdown|chart)\s*\(`,
);

/**
 * Code for somewhere else: a module, a web page or extension, Node, the network, a browser-automation
 * script's own `page`, or an example that defines its own `sum` or `median` to call.
 */
const WRITTEN_FOR_ELSEWHERE = new RegExp(
  [
    String.raw`^\s*import(?:\s+[\w$*{]|\s*[{*])`,
    String.raw`^\s*export\s`,
    String.raw`\b(?:document|window|require|process|chrome|browser|navigator|localStorage)\s*[.(]`,
    String.raw`\bfetch\s*\(`,
    String.raw`\.then\s*\(`,
    String.raw`\b(?:const|let|var)\s+page\b`,
    String.raw`\bawait\s+page\b`,
    String.raw`\bpage\s*\.\s*(?:goto|click|evaluate|waitFor\w*|\$\$?|\$eval|type|screenshot|setViewport|locator|fill|title)\s*\(`,
    String.raw`\bfunction\s+${HELPERS}\s*\(`,
    String.raw`\b${HELPERS}\s*=\s*(?:function\b|async\b|\([^()]*\)\s*=>|[\w$]+\s*=>)`,
  ].join('|'),
  'm',
);

const MAX_CLASSIFIED_CHARS = 20_000;

/** Comments and string contents blanked, so words in them ("the window", 'page.goto') are not code. */
function codeOnly(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (match) => match.replace(/[^\n]/g, ' '));
}

/**
 * Whether a block from a model that was offered tools is a script for the sandbox rather than an
 * example in its answer ("here is a debounce helper"): it must read the page or call a helper, and
 * must not be written for anywhere else.
 */
export function isSandboxScript(code: string): boolean {
  // Bounded, so a hostile reply cannot make the patterns below slow; a sandbox query is short.
  if (code.length > MAX_CLASSIFIED_CHARS) return false;
  const bare = codeOnly(code);
  return READS_THE_SANDBOX.test(bare) && !WRITTEN_FOR_ELSEWHERE.test(bare);
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
