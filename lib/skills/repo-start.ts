// "What is this and how do I run it?" from a repository's home page alone: the README's install and usage
// steps, what the file list says about the build, what it needs, its caveats, and how alive it is. Pure and
// sandbox-safe (no URL, no Intl): the repo-overview skill runs it in QuickJS.
import type { RepoData } from '../context/types';
import { dayOf, sentencesOf, spanOf } from './issue-thread';

export interface ReadmeSection {
  heading: string;
  level: number;
  text: string;
}

export interface RepoStart {
  /** Commands and invocations the README gives for installing, building or running it. */
  commands: { section: string; command: string }[];
  /** What the file list says about the build (package.json → npm, an .xcodeproj → Xcode, …). */
  buildFiles: string[];
  needs: string[];
  caveats: string[];
  about: string[];
  activity: string;
  markdown: string;
}

/** The README split at its headings; text before the first heading is the section with heading ''. */
export function readmeSections(readme: string): ReadmeSection[] {
  const sections: ReadmeSection[] = [{ heading: '', level: 0, text: '' }];
  let inFence = false;
  for (const line of readme.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) sections.push({ heading: heading[2]!.trim(), level: heading[1]!.length, text: '' });
    else sections[sections.length - 1]!.text += `${line}\n`;
  }
  return sections.filter((section) => section.heading !== '' || section.text.trim() !== '');
}

const RUN_SECTION = /\b(install\w*|getting started|get started|quick ?start|usage|how to (?:use|run|build|install)|build\w*|setup|set up|running|run|compil\w*|download\w*|develop\w*|example\w*|cli|command)\b/i;
const COMMAND = /^(?:\$\s*)?(?:sudo\s+)?(?:npm|npx|yarn|pnpm|bun|bunx|deno|node|pip3?|pipx|uv|poetry|python3?|cargo|rustup|go|brew|port|apt(?:-get)?|dnf|yum|pacman|snap|choco|winget|scoop|docker(?:-compose)?|podman|kubectl|helm|make|cmake|meson|ninja|git|curl|wget|gem|bundle|composer|dotnet|mvn|gradle|\.\/gradlew|swift|xcodebuild|pod|carthage|mix|stack|cabal|opam|dune|conda|nix|sh|bash|\.\/)\b/;
const NEEDS = /\b(requires?|requirements?|prerequisites?|minimum|at least|you(?:'ll| will)? (?:still )?need|depends on|needs?|supported (?:on|platforms?)|(?:macos|ios|node(?:\.js)?|python|go|java|jdk|rust|xcode|windows|linux)\s+\d[\d.]*\+?)\b/i;
const CAVEAT = /\b(unsupported|experimental|wip|work in progress|deprecated|no longer maintained|unmaintained|archived|not (?:production|ready|stable)|alpha|beta|use at your own risk|isn'?t a tool|is not a tool|not intended|undocumented)\b/i;

/** Build and package files in the file list, each with what it means for running the project. */
const BUILD_FILES: { pattern: RegExp; means: (name: string) => string }[] = [
  { pattern: /^package\.json$/, means: () => 'package.json: a Node.js package (npm, yarn or pnpm)' },
  { pattern: /^Cargo\.toml$/, means: () => 'Cargo.toml: a Rust crate (cargo)' },
  { pattern: /^go\.mod$/, means: () => 'go.mod: a Go module (go build / go install)' },
  { pattern: /^(pyproject\.toml|setup\.py|setup\.cfg|requirements\.txt|Pipfile)$/, means: (name) => `${name}: a Python project (pip)` },
  { pattern: /\.xcodeproj$|\.xcworkspace$/, means: (name) => `${name}: an Xcode project (built in Xcode or with xcodebuild)` },
  { pattern: /^Package\.swift$/, means: () => 'Package.swift: a Swift package (swift build)' },
  { pattern: /^(Makefile|GNUmakefile)$/, means: (name) => `${name}: make targets` },
  { pattern: /^CMakeLists\.txt$/, means: () => 'CMakeLists.txt: a CMake build' },
  { pattern: /^(Dockerfile|docker-compose\.ya?ml|compose\.ya?ml)$/, means: (name) => `${name}: runs in a container` },
  { pattern: /^(build\.gradle(\.kts)?|settings\.gradle(\.kts)?|gradlew)$/, means: (name) => `${name}: a Gradle build` },
  { pattern: /^pom\.xml$/, means: () => 'pom.xml: a Maven build' },
  { pattern: /^Gemfile$/, means: () => 'Gemfile: a Ruby project (bundler)' },
  { pattern: /^composer\.json$/, means: () => 'composer.json: a PHP project (composer)' },
  { pattern: /\.(sln|csproj|fsproj)$/, means: (name) => `${name}: a .NET project (dotnet)` },
  { pattern: /^(deno\.jsonc?)$/, means: (name) => `${name}: a Deno project` },
  { pattern: /^(flake\.nix|default\.nix|shell\.nix)$/, means: (name) => `${name}: a Nix build` },
];

function commandsIn(section: ReadmeSection): string[] {
  const found: string[] = [];
  for (const block of section.text.match(/```[\s\S]*?```/g) ?? []) {
    const lines = block.split('\n').slice(1, -1).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    const commands = lines.filter((line) => COMMAND.test(line));
    found.push(...(commands.length > 0 ? commands : lines.slice(0, 1)));
  }
  if (found.length === 0) {
    // Small READMEs often give the invocation as inline code: `tool file.app`.
    for (const match of section.text.matchAll(/`([^`\n]{3,120})`/g)) {
      const code = match[1]!.trim();
      if (COMMAND.test(code) || /\s/.test(code)) found.push(code);
    }
  }
  return found.map((line) => line.replace(/^\$\s*/, ''));
}

function isProse(sentence: string): boolean {
  return sentence.length >= 30 && /[a-z]{3,}\s+[a-z]{2,}/i.test(sentence) && !/^\S+:\/\/\S+$/.test(sentence);
}

export function repoStart(repo: RepoData, readAt?: number): RepoStart {
  const sections = readmeSections(repo.readme ?? '');
  const runSections = sections.filter((section) => RUN_SECTION.test(section.heading));
  const commands: RepoStart['commands'] = [];
  for (const section of runSections.length > 0 ? runSections : sections) {
    for (const command of commandsIn(section)) {
      if (commands.length < 8 && !commands.some((known) => known.command === command)) commands.push({ section: section.heading, command });
    }
  }
  const buildFiles = repo.files.flatMap((name) => {
    const known = BUILD_FILES.find((entry) => entry.pattern.test(name));
    return known ? [known.means(name)] : [];
  });
  const prose = sections.flatMap((section) => sentencesOf(section.text)).filter(isProse);
  const description = (repo.description ?? '').toLowerCase();
  // The README's opening sentence says what the project is, whatever else it also mentions.
  const about = prose.filter((sentence) => sentence.toLowerCase() !== description).slice(0, 1);
  const rest = prose.filter((sentence) => !about.includes(sentence));
  const needs = rest.filter((sentence) => NEEDS.test(sentence)).slice(0, 3);
  const caveats = rest.filter((sentence) => CAVEAT.test(sentence) && !needs.includes(sentence)).slice(0, 3);

  const activityParts: string[] = [];
  if (repo.lastCommit) {
    const time = repo.lastCommit.at ? Date.parse(repo.lastCommit.at) : NaN;
    const age = readAt !== undefined && !Number.isNaN(time) && readAt >= time ? `, ${spanOf(readAt - time)} before the page was read` : '';
    activityParts.push(`last commit ${dayOf(repo.lastCommit.at) || '(undated)'}${age}: “${repo.lastCommit.message}”`);
  }
  if (repo.commits !== undefined) activityParts.push(`${repo.commits} commits`);
  if (repo.languages.length > 0) activityParts.push(repo.languages.slice(0, 4).map((language) => `${language.name} ${language.percent}%`).join(', '));
  if (repo.license) activityParts.push(repo.license);
  const activity = activityParts.length > 0 ? `${activityParts.join(' · ')}.` : '';

  const markdown: string[] = [];
  const run: string[] = ['**How to run it**'];
  if (commands.length > 0) {
    const bySection = new Map<string, string[]>();
    for (const command of commands) bySection.set(command.section, [...(bySection.get(command.section) ?? []), command.command]);
    for (const [section, list] of bySection) run.push(`- ${section ? `${section}: ` : ''}${list.map((command) => `\`${command}\``).join(', ')}`);
  } else {
    run.push(repo.readme ? '- The README gives no install, build or usage commands.' : '- The page shows no README.');
  }
  if (buildFiles.length > 0) run.push(`- From the file list: ${buildFiles.join('; ')}.`);
  markdown.push(run.join('\n'));
  if (needs.length > 0) markdown.push(`**Needs:** ${needs.map((sentence) => `“${sentence}”`).join(' ')}`);
  if (caveats.length > 0) markdown.push(`**Caveats:** ${caveats.map((sentence) => `“${sentence}”`).join(' ')}`);
  if (about.length > 0) markdown.push(`**What it is:** ${about.join(' ')}`);
  if (activity) markdown.push(activity.charAt(0).toUpperCase() + activity.slice(1));
  return { commands, buildFiles, needs, caveats, about, activity, markdown: markdown.join('\n\n') };
}
