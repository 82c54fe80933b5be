// Adapter for a repository's home page: description, topics and the rendered README.
import type { Adapter, AdapterOutput } from '../adapter';
import type { Heading, RepoData } from '../../context/types';
import { limits } from './limits';
import { readCommitCount, readLanguages, readLastCommit, readLicense, readTopFiles } from './repo-overview';
import { markdownText } from './markdown-text';
import { parseGithubPath } from './route';
import { firstText, textOf, unique } from './text';

export const repoAdapter: Adapter = {
  id: 'github-repo',
  kinds: ['github.repo'],
  capture: async (document, url) => captureRepo(document, url),
};

function captureRepo(document: Document, url: URL): AdapterOutput {
  const route = parseGithubPath(url);
  const [pathOwner = '', pathName = ''] = url.pathname.split('/').filter((part) => part !== '');
  const cut: string[] = [];
  const readmeElement = document.querySelector('#readme article.markdown-body, article.markdown-body, #readme .markdown-body, [data-testid="readme"] .markdown-body');
  const data: RepoData = {
    type: 'repo',
    owner: route?.owner ?? pathOwner,
    name: route?.repo ?? pathName,
    topics: unique(Array.from(document.querySelectorAll('a.topic-tag, [data-octo-click="topic_click"]')).map((element) => textOf(element))),
    outline: readOutline(readmeElement),
    languages: readLanguages(document),
    files: readTopFiles(document),
  };
  const lastCommit = readLastCommit(document);
  if (lastCommit) data.lastCommit = lastCommit;
  const commits = readCommitCount(document);
  if (commits !== undefined) data.commits = commits;
  const license = readLicense(document);
  if (license) data.license = license;
  const description = firstText(document, ['[itemprop="about"]', '.BorderGrid-cell p.f4', '.repository-content p.f4', 'p.f4']);
  if (description) data.description = description;
  if (readmeElement) {
    const readme = markdownText(readmeElement, limits.readmeChars);
    if (readme.cut) cut.push(`README after ${limits.readmeChars} characters`);
    data.readme = readme.text;
  }
  const facts: AdapterOutput['facts'] = { repository: `${data.owner}/${data.name}`, topics: data.topics.length, readme: data.readme !== undefined };
  const output: AdapterOutput = { title: `${data.owner}/${data.name}`, facts, data };
  if (cut.length > 0) output.cut = cut;
  return output;
}

export function readOutline(readme: Element | null): Heading[] {
  if (!readme) return [];
  return Array.from(readme.querySelectorAll('h1, h2, h3, h4, h5, h6')).slice(0, limits.outline).map((element) => {
    const heading: Heading = { level: Number(element.tagName.slice(1)), text: textOf(element) };
    const anchor = element.querySelector('a.anchor[href^="#"], a[id^="user-content-"]') ?? element.parentElement?.querySelector('a.anchor[href^="#"]');
    const id = anchor?.getAttribute('href')?.slice(1) ?? element.getAttribute('id') ?? undefined;
    if (id) heading.id = id;
    return heading;
  }).filter((heading) => heading.text !== '');
}
