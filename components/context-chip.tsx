import type { PageKind } from '../lib/context/types';

export interface ContextChipProps {
  title: string;
  kind: PageKind;
  tokens: number;
  redactions: number;
}

const KIND_LABELS: Record<PageKind, string> = {
  'github.pull': 'Pull request',
  'github.pull.files': 'Pull request files',
  'github.issue': 'Issue',
  'github.blob': 'Code',
  'github.actions': 'Actions run',
  'github.repo': 'Repository',
  'github.commit': 'Commit',
  'github.compare': 'Comparison',
  'github.tree': 'Folder',
  'github.releases': 'Releases',
  'github.discussion': 'Discussion',
  docs: 'Article',
  dashboard: 'Dashboard',
  generic: 'Page',
};

export function formatTokens(tokens: number): string {
  return tokens >= 10_000 ? `${(tokens / 1000).toFixed(1)}k` : tokens.toLocaleString('en-US');
}

/** What Tandem reads on this tab, in one line. */
export function ContextChip({ title, kind, tokens, redactions }: ContextChipProps) {
  return (
    <span class="context-chip" data-testid="context-chip" data-kind={kind} title={title}>
      <span class="context-chip__kind">{KIND_LABELS[kind]}</span>
      <span class="context-chip__text">
        Reading: <strong class="context-chip__title">{title}</strong>
      </span>
      <span class="context-chip__tokens" data-testid="context-tokens">· {formatTokens(tokens)} tokens</span>
      {redactions > 0 && (
        <span class="context-chip__redactions" title="Secrets masked before anything left the page">
          {redactions} redacted
        </span>
      )}
    </span>
  );
}
