// Programming language from a file name, for the blob adapter.
const byExtension: Record<string, string> = {
  ts: 'TypeScript', tsx: 'TypeScript', mts: 'TypeScript', cts: 'TypeScript',
  js: 'JavaScript', jsx: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript',
  py: 'Python', rb: 'Ruby', go: 'Go', rs: 'Rust', java: 'Java', kt: 'Kotlin', kts: 'Kotlin', swift: 'Swift',
  m: 'Objective-C', mm: 'Objective-C++', c: 'C', h: 'C', cc: 'C++', cpp: 'C++', cxx: 'C++', hpp: 'C++',
  cs: 'C#', fs: 'F#', php: 'PHP', scala: 'Scala', clj: 'Clojure', ex: 'Elixir', exs: 'Elixir', erl: 'Erlang',
  hs: 'Haskell', ml: 'OCaml', lua: 'Lua', r: 'R', jl: 'Julia', dart: 'Dart', zig: 'Zig', nim: 'Nim',
  sh: 'Shell', bash: 'Shell', zsh: 'Shell', fish: 'Shell', ps1: 'PowerShell',
  html: 'HTML', htm: 'HTML', css: 'CSS', scss: 'SCSS', sass: 'Sass', less: 'Less', vue: 'Vue', svelte: 'Svelte',
  json: 'JSON', jsonc: 'JSON', yml: 'YAML', yaml: 'YAML', toml: 'TOML', xml: 'XML', ini: 'INI',
  md: 'Markdown', markdown: 'Markdown', mdx: 'MDX', rst: 'reStructuredText', txt: 'Text',
  sql: 'SQL', graphql: 'GraphQL', gql: 'GraphQL', proto: 'Protocol Buffers', tf: 'HCL', hcl: 'HCL',
};

const byName: Record<string, string> = {
  dockerfile: 'Dockerfile', makefile: 'Makefile', gemfile: 'Ruby', rakefile: 'Ruby', 'cmakelists.txt': 'CMake',
};

export function languageOfPath(path: string): string | undefined {
  const name = (path.split('/').pop() ?? '').toLowerCase();
  if (byName[name]) return byName[name];
  const dot = name.lastIndexOf('.');
  return dot > 0 ? byExtension[name.slice(dot + 1)] : undefined;
}
