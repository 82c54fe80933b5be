// What a repository's home shows besides its README: the language bar, the top of the file list, the
// latest commit, the commit count and the licence. Classic (2022) and React (2024+) markup.
import type { RepoData } from '../../context/types';
import { clipText } from '../clip';
import { loginFromHref, parseCount, textOf, unique } from './text';

const maxFiles = 200;

/** The smallest ancestor of the heading saying `title` that also holds list items (the sidebar cell). */
function sidebarCell(document: Document, title: RegExp): Element | undefined {
  const heading = Array.from(document.querySelectorAll('h2, h3')).find((element) => title.test(textOf(element)));
  let cell = heading?.parentElement ?? null;
  for (let depth = 0; cell && depth < 4; depth++, cell = cell.parentElement) {
    if (cell.querySelector('li, [aria-label]')) return cell;
  }
  return undefined;
}

export function readLanguages(document: Document): RepoData['languages'] {
  const cell = sidebarCell(document, /^Languages$/i);
  if (!cell) return [];
  const languages: RepoData['languages'] = [];
  for (const item of Array.from(cell.querySelectorAll('li'))) {
    const text = textOf(item);
    const match = /^(.+?)\s+(\d+(?:\.\d+)?)%$/.exec(text);
    if (match && !languages.some((language) => language.name === match[1])) languages.push({ name: match[1]!, percent: Number(match[2]) });
  }
  if (languages.length === 0) {
    // The bar itself: aria-label="Objective-C 100.0".
    for (const bar of Array.from(cell.querySelectorAll('[aria-label]'))) {
      const match = /^(.+?)\s+(\d+(?:\.\d+)?)$/.exec(bar.getAttribute('aria-label') ?? '');
      if (match) languages.push({ name: match[1]!, percent: Number(match[2]) });
    }
  }
  return languages.sort((a, b) => b.percent - a.percent);
}

export function readTopFiles(document: Document): string[] {
  const classic = Array.from(document.querySelectorAll('[role="rowheader"] a.js-navigation-open, [role="rowheader"] a')).map((link) => link.getAttribute('title') ?? textOf(link));
  const react = Array.from(document.querySelectorAll('a[aria-label$=", (Directory)"], a[aria-label$=", (File)"]')).map((link) => link.getAttribute('title') ?? textOf(link));
  const names = unique([...classic, ...react].filter((name) => name !== '' && name !== '..'));
  return names.length > 0 ? names.slice(0, maxFiles) : embeddedTreeNames(document);
}

/** React pages may render the list late; their embedded payload names the root's items. */
function embeddedTreeNames(document: Document): string[] {
  for (const script of Array.from(document.querySelectorAll('script[data-target="react-app.embeddedData"]'))) {
    const match = /"tree"\s*:\s*\{\s*"items"\s*:\s*(\[[^\]]*\])/.exec(script.textContent ?? '');
    if (!match) continue;
    try {
      const items = JSON.parse(match[1]!) as { name?: unknown }[];
      return unique(items.map((item) => (typeof item.name === 'string' ? item.name : ''))).slice(0, maxFiles);
    } catch (error) {
      // A payload cut inside the list is not ours to repair; the page simply shows no file list.
      if (error instanceof SyntaxError) continue;
      throw error;
    }
  }
  return [];
}

export function readLastCommit(document: Document): RepoData['lastCommit'] {
  const box = document.querySelector('[data-testid="latest-commit"]')
    ?? Array.from(document.querySelectorAll('h2')).find((heading) => /^Latest commit$/i.test(textOf(heading)))?.parentElement
    ?? null;
  if (!box) return undefined;
  const messageElement = box.querySelector('[data-testid="latest-commit-html"], [data-test-selector="commit-tease-commit-message"], .commit-title, a.Link--primary');
  const pre = box.querySelector('pre');
  // The classic title is split over links ("Merge pull request", "#7", "from a/b"): read their line.
  const line = messageElement?.parentElement && messageElement.parentElement !== box && textOf(messageElement.parentElement).length < 300 ? messageElement.parentElement : messageElement;
  const message = [textOf(line), textOf(pre)].filter((part) => part !== '').join(' — ');
  if (message === '') return undefined;
  const commit: NonNullable<RepoData['lastCommit']> = { message: clipText(message, 200) };
  const at = box.querySelector('relative-time[datetime], time-ago[datetime], time[datetime]')?.getAttribute('datetime');
  if (at) commit.at = at;
  const authorLink = box.querySelector('a[data-hovercard-type="user"], a.commit-author, [data-testid="author-link"]');
  const author = authorLink ? textOf(authorLink) || loginFromHref(authorLink.getAttribute('href')) : undefined;
  if (author) commit.author = author;
  return commit;
}

export function readCommitCount(document: Document): number | undefined {
  const link = Array.from(document.querySelectorAll('a[href*="/commits/"], a[href$="/commits"]')).find((element) => /\bcommits?\b/i.test(textOf(element)));
  return link ? parseCount(textOf(link)) : undefined;
}

export function readLicense(document: Document): string | undefined {
  const link = Array.from(document.querySelectorAll('a')).find((element) => /^[\w .+-]{1,60}\blicen[cs]e$/i.test(textOf(element)) && element.querySelector('svg.octicon-law') !== null);
  return link ? textOf(link) : undefined;
}
