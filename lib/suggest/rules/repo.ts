// Rules for a repository's home page.
import { dayOf } from '../../skills/issue-thread';
import { readmeSections, repoStart } from '../../skills/repo-start';
import { repoData } from '../page-data';
import type { Rule } from '../types';
import { countOf, listNames } from '../wording';

export const repoHowToRun: Rule = {
  id: 'repo-how-to-run',
  kinds: ['github.repo'],
  suggest(context) {
    const repo = repoData(context);
    if (!repo || (repo.readme === undefined && repo.files.length === 0)) return [];
    const start = repoStart(repo, context.capturedAt);
    const evidence: string[] = [];
    const sections = [...new Set(start.commands.map((command) => command.section).filter((section) => section !== ''))];
    if (start.commands.length > 0) evidence.push(sections.length > 0 ? `the README gives commands under ${listNames(sections.map((section) => `“${section}”`))}` : 'the README gives commands');
    else if (repo.readme !== undefined) evidence.push(`the README (${countOf(readmeSections(repo.readme).length, 'section')}) gives no commands`);
    const buildNames = repo.files.filter((name) => start.buildFiles.some((line) => line.startsWith(`${name}:`)));
    if (buildNames.length > 0) evidence.push(`the file list has ${listNames(buildNames)}`);
    if (repo.lastCommit?.at) evidence.push(`last commit ${dayOf(repo.lastCommit.at)}`);
    const why = `${evidence.join('; ')}.`;
    return [
      {
        title: 'What is this and how do I run it?',
        why: why.charAt(0).toUpperCase() + why.slice(1),
        score: start.commands.length > 0 || buildNames.length > 0 ? 0.6 : 0.45,
        run: { skill: 'repo-overview' },
      },
    ];
  },
};

export const repoRules: Rule[] = [repoHowToRun];
