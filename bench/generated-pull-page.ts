// A pull request's Files-changed page of the size the performance budget is stated for (300 files,
// 10,000 changed lines), in the classic GitHub markup of the saved react-15141 page.

export interface GeneratedPull {
  html: string;
  url: string;
  files: number;
  /** Added plus removed lines over all files. */
  changedLines: number;
  addedLines: number;
  /** The same changes as the unified diff GitHub serves at `<pull-url>.diff`, which the extension reads first. */
  diff: string;
}

const FILES = 300;
const CHANGED_LINES = 10_000;
const CONTEXT_LINES_PER_HUNK = 3;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One highlighted token per line: GitHub's markup has more, but the page stays a few MB so jsdom parses it in seconds. */
function highlighted(name: string, call: string, argument: number): string {
  return `  <span class="pl-k">const</span> ${name} = ${call}(${argument});`;
}

const plain = (name: string, call: string, argument: number): string => `  const ${name} = ${call}(${argument});`;

interface FileChange {
  index: number;
  path: string;
  additions: number;
  deletions: number;
}

/** The hunk's lines in diff order, each with its marker, as both the page and the .diff show them. */
function hunkLines(change: FileChange, code: typeof plain): { marker: '+' | '-' | ' '; code: string }[] {
  const lines: { marker: '+' | '-' | ' '; code: string }[] = [];
  for (let line = 0; line < CONTEXT_LINES_PER_HUNK; line++) lines.push({ marker: ' ', code: code(`kept${line}`, 'keep', line) });
  for (let line = 0; line < change.deletions; line++) lines.push({ marker: '-', code: code(`value${line}`, 'compute', line) });
  for (let line = 0; line < change.additions; line++) lines.push({ marker: '+', code: code(`value${line}`, 'computeBetter', line) });
  for (let line = 0; line < CONTEXT_LINES_PER_HUNK; line++) lines.push({ marker: ' ', code: code(`tail${line}`, 'finish', line) });
  return lines;
}

const hunkHeader = (change: FileChange): string =>
  `@@ -10,${change.deletions + 2 * CONTEXT_LINES_PER_HUNK} +10,${change.additions + 2 * CONTEXT_LINES_PER_HUNK} @@ export function module${change.index}() {`;

function fileDiff(change: FileChange): string {
  const lines = hunkLines(change, plain).map((line) => `${line.marker}${line.code}`);
  return [`diff --git a/${change.path} b/${change.path}`, 'index 1a2b3c4..5d6e7f8 100644', `--- a/${change.path}`, `+++ b/${change.path}`, hunkHeader(change), ...lines].join('\n');
}

function codeRow(anchor: string, marker: '+' | '-' | ' ', oldLine: number, newLine: number, code: string): string {
  const kind = marker === '+' ? 'addition' : marker === '-' ? 'deletion' : 'context';
  const left = marker === '+'
    ? '<td class="blob-num blob-num-addition empty-cell"></td>'
    : `<td id="${anchor}L${oldLine}" data-line-number="${oldLine}" class="blob-num blob-num-${kind} js-linkable-line-number"></td>`;
  const right = marker === '-'
    ? '<td class="blob-num blob-num-deletion empty-cell"></td>'
    : `<td id="${anchor}R${newLine}" data-line-number="${newLine}" class="blob-num blob-num-${kind} js-linkable-line-number"></td>`;
  return `
<tr data-hunk="${anchor}">${left}${right}<td class="blob-code blob-code-${kind}"><span class="blob-code-inner blob-code-marker" data-code-marker="${marker}">${code}</span></td></tr>`;
}

function fileBlock(change: FileChange): string {
  const { index, path, additions, deletions } = change;
  const anchor = `diff-${index.toString(16).padStart(8, '0')}`;
  const changes = additions + deletions;
  const rows: string[] = [];
  rows.push(`
      <tr class="js-expandable-line" data-position="0">
    <td class="blob-num blob-num-expandable" colspan="2"></td>
    <td class="blob-code blob-code-inner blob-code-hunk">${hunkHeader(change)}</td>
  </tr>`);
  let oldLine = 10;
  let newLine = 10;
  for (const line of hunkLines(change, highlighted)) {
    rows.push(codeRow(anchor, line.marker, oldLine, newLine, line.code));
    if (line.marker !== '+') oldLine++;
    if (line.marker !== '-') newLine++;
  }
  const stat = `${changes} changes: ${additions} addition${additions === 1 ? '' : 's'} &amp; ${deletions} deletion${deletions === 1 ? '' : 's'}`;
  return `
<div id="${anchor}" class="file js-file js-details-container js-targetable-element Details Details--on open show-inline-notes" data-file-type=".ts" data-file-deleted="false">
  <div class="file-header d-flex flex-items-center file-header--expandable js-file-header sticky-file-header js-position-sticky" data-path="${escapeHtml(path)}" data-anchor="${anchor}" data-file-type=".ts" data-file-deleted="false">
    <div class="file-info flex-auto">
      <button type="button" class="btn-octicon js-details-target" aria-label="Toggle diff contents" aria-expanded="true"></button>
      <span class="diffstat tooltipped tooltipped-e" aria-label="${stat}">${changes} <span class="diffstat-block-added"></span><span class="diffstat-block-deleted"></span></span>
      <a title="${escapeHtml(path)}" class="Link--primary link-gray-dark" href="#${anchor}">${escapeHtml(path)}</a>
      <clipboard-copy value="${escapeHtml(path)}" aria-label="Copy" class="js-clipboard-copy zeroclipboard-link" tabindex="0" role="button"></clipboard-copy>
    </div>
    <div class="file-actions pt-0"><a href="/acme/monorepo/blob/head/${escapeHtml(path)}" class="btn btn-sm">View file</a></div>
  </div>
  <div class="js-file-content Details-content--hidden">
    <div class="data highlight js-blob-wrapper" style="overflow-x: auto">
      <table class="diff-table js-diff-table tab-size" data-tab-size="2" data-diff-anchor="${anchor}">
      <tbody>${rows.join('')}
      </tbody>
      </table>
    </div>
  </div>
</div>`;
}

/** 300 files (every fifth a test) in 12 packages; 10,000 lines added or removed in all, 70 % of them added. */
export function generatedPullPage(): GeneratedPull {
  const blocks: string[] = [];
  const diffs: string[] = [];
  let assigned = 0;
  let addedLines = 0;
  for (let index = 0; index < FILES; index++) {
    const target = Math.round((CHANGED_LINES / FILES) * (index + 1));
    const churn = target - assigned;
    assigned = target;
    const additions = Math.ceil(churn * 0.7);
    const deletions = churn - additions;
    addedLines += additions;
    const packageName = `package-${index % 12}`;
    const path = index % 5 === 0 ? `packages/${packageName}/test/module-${index}.test.ts` : `packages/${packageName}/src/module-${index}.ts`;
    const change = { index, path, additions, deletions };
    blocks.push(fileBlock(change));
    diffs.push(fileDiff(change));
  }
  const title = 'Rewrite the compute pipeline';
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} by octocat · Pull Request #4242 · acme/monorepo · GitHub</title>
  <style>.blob-code-addition { background: #e6ffed; } .blob-code-deletion { background: #ffeef0; }</style>
  <script>window.__analytics = { page: 'pull_request.files' };</script>
</head>
<body class="logged-out env-production page-responsive">
  <header class="Header-old header-logged-out"><nav><a href="/features">Features</a> <a href="/pricing">Pricing</a> <a href="/login">Sign in</a></nav></header>
  <main id="js-repo-pjax-container">
    <div id="partial-discussion-header" class="gh-header mb-3 js-details-container Details js-socket-channel js-updatable-content pull request js-pull-header-details">
      <h1 class="gh-header-title"><span class="js-issue-title">${title}</span> <span class="gh-header-number">#4242</span></h1>
      <div class="TableObject gh-header-meta">
        <span title="Status: Open" class="State State--green"><svg class="octicon octicon-git-pull-request"></svg> Open</span>
        <a class="author link-gray-dark css-truncate-target width-fit" href="/octocat">octocat</a> wants to merge 42 commits into
        <span class="commit-ref css-truncate user-select-contain expandable base-ref"><span class="css-truncate-target">main</span></span> from
        <span class="commit-ref css-truncate user-select-contain expandable head-ref"><span class="css-truncate-target">compute-pipeline</span></span>
      </div>
    </div>
    <nav class="tabnav-tabs">
      <a class="tabnav-tab" href="/acme/monorepo/pull/4242">Conversation</a>
      <a class="tabnav-tab" href="/acme/monorepo/pull/4242/commits">Commits <span class="Counter">42</span></a>
      <a class="tabnav-tab selected" href="/acme/monorepo/pull/4242/files">Files changed <span id="files_tab_counter" class="Counter">${FILES}</span></a>
    </nav>
    <div id="files" class="diff-view">
      <div class="js-diff-progressive-container">${blocks.join('')}
      </div>
    </div>
  </main>
  <footer class="footer"><ul><li>© GitHub, Inc.</li><li><a href="/site/terms">Terms</a></li><li><a href="/site/privacy">Privacy</a></li></ul></footer>
</body>
</html>
`;
  return { html, url: 'https://github.com/acme/monorepo/pull/4242/files', files: FILES, changedLines: CHANGED_LINES, addedLines, diff: `${diffs.join('\n')}\n` };
}
