// name: Modules changed without their tests
// description: Which lib/ and components/ modules this pull request changes while their tests stay as they were
// kinds: github.pull, github.pull.files
// offer: card
// Tandem keeps a module's unit tests next to it (foo.ts beside foo.test.ts): a change to one without the other is worth a look.
const changed = files().filter((file) => file.status !== 'removed').map((file) => file.path);
const isTest = (path) => /\.test\.tsx?$/.test(path);
const testOf = (path) => path.replace(/\.(tsx?)$/, '.test.$1');
const touched = new Set(changed);
const untested = changed.filter((path) => /^(lib|components|cli)\/.*\.tsx?$/.test(path) && !isTest(path) && !path.endsWith('.d.ts') && !touched.has(testOf(path)));
if (untested.length > 0) view.table(untested.map((path) => ({ module: path, 'its test': testOf(path) })), { title: 'Changed without a test change' });
view.markdown(untested.length === 0 ? 'Every changed module here has its test changed too (or has none to change).' : `**${untested.length}** changed ${untested.length === 1 ? 'module has' : 'modules have'} no change to ${untested.length === 1 ? 'its test' : 'their tests'}.`);
return untested;
