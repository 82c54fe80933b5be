// The GitHub adapters, one per page family, and the URL parser the classifier uses.
import type { Adapter } from '../adapter';
import { actionsAdapter } from './actions';
import { blobAdapter } from './blob';
import { commitAdapter } from './commit';
import { compareAdapter } from './compare';
import { issueAdapter } from './issue';
import { pullAdapter } from './pull';
import { repoAdapter } from './repo';
import { treeAdapter } from './tree';

export const githubAdapters: Adapter[] = [pullAdapter, issueAdapter, blobAdapter, actionsAdapter, repoAdapter, commitAdapter, compareAdapter, treeAdapter];

export { parseGithubPath, type GithubRoute } from './route';
