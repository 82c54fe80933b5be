// Narrows a context's kind-specific data: a rule's `kinds` says where it runs, the data's `type` is the proof.
import type {
  ActionsData, BlobData, CommitData, CompareData, DashboardData, DiscussionData, DocData, GenericData, IssueData, PageContext, PullData,
  ReleasesData, RepoData, TreeData,
} from '../context/types';

export function pullData(context: PageContext): PullData | undefined {
  return context.data.type === 'pull' ? context.data : undefined;
}

export function issueData(context: PageContext): IssueData | undefined {
  return context.data.type === 'issue' ? context.data : undefined;
}

export function repoData(context: PageContext): RepoData | undefined {
  return context.data.type === 'repo' ? context.data : undefined;
}

export function blobData(context: PageContext): BlobData | undefined {
  return context.data.type === 'blob' ? context.data : undefined;
}

export function actionsData(context: PageContext): ActionsData | undefined {
  return context.data.type === 'actions' ? context.data : undefined;
}

export function docData(context: PageContext): DocData | undefined {
  return context.data.type === 'doc' ? context.data : undefined;
}

export function dashboardData(context: PageContext): DashboardData | undefined {
  return context.data.type === 'dashboard' ? context.data : undefined;
}

export function tablePageData(context: PageContext): DashboardData | GenericData | undefined {
  return context.data.type === 'dashboard' || context.data.type === 'generic' ? context.data : undefined;
}

export function commitData(context: PageContext): CommitData | undefined {
  return context.data.type === 'commit' ? context.data : undefined;
}

export function compareData(context: PageContext): CompareData | undefined {
  return context.data.type === 'compare' ? context.data : undefined;
}

export function treeData(context: PageContext): TreeData | undefined {
  return context.data.type === 'tree' ? context.data : undefined;
}

export function releasesData(context: PageContext): ReleasesData | undefined {
  return context.data.type === 'releases' ? context.data : undefined;
}

export function discussionData(context: PageContext): DiscussionData | undefined {
  return context.data.type === 'discussion' ? context.data : undefined;
}
