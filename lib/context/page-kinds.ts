// Every kind of page Tandem tells apart, listed once: the type and the checks on messages both read it.
export const pageKinds = [
  'github.pull',
  'github.pull.files',
  'github.issue',
  'github.blob',
  'github.actions',
  'github.repo',
  'github.commit',
  'github.compare',
  'github.tree',
  'github.releases',
  'github.discussion',
  'docs',
  'dashboard',
  'generic',
] as const;

export type PageKind = (typeof pageKinds)[number];
