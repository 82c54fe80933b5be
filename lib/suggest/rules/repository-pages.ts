// Rules for the pages of a repository that are neither code review nor issues: a folder, releases, a discussion.
import { treeData } from '../page-data';
import type { Rule } from '../types';
import { countOf, listNames } from '../wording';

export const treeContents: Rule = {
  id: 'tree-contents',
  kinds: ['github.tree'],
  suggest(context) {
    const tree = treeData(context);
    if (!tree || tree.entries.length === 0) return [];
    const folders = tree.entries.filter((entry) => entry.kind === 'directory').length;
    const files = tree.entries.length - folders;
    const where = tree.path ? `\`${tree.path}/\`` : 'The repository root';
    const readme = tree.readme !== undefined ? ' and a README' : '';
    return [
      {
        title: 'What is in this folder?',
        why: `${where} holds ${countOf(folders, 'folder')} and ${countOf(files, 'file')}${readme}: ${listNames(tree.entries.map((entry) => entry.name))}.`,
        // Useful on arrival, but less pressing than a change waiting for review.
        score: 0.6,
        run: { skill: 'tree-overview' },
      },
    ];
  },
};

export const repositoryPageRules: Rule[] = [treeContents];
