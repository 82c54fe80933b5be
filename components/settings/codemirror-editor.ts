// The options page's code editor: CodeMirror 6 with JavaScript highlighting and completion of the
// sandbox's globals. Loaded with import() only when a skill is edited, so no other page carries it.
// The extension pages' policy (`style-src 'self'`) refuses the <style> element CodeMirror adds to a
// document. In a shadow root it adds its styles as constructed style sheets (adoptedStyleSheets)
// instead, which the policy does not govern, and it sets inline styles only through the CSSOM: so the
// editor lives in a shadow root of its own, and the policy stays as strict as it is.
import { autocompletion, completeFromList, type Completion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript, javascriptLanguage } from '@codemirror/lang-javascript';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';

/** What a script sees besides JavaScript's own globals (lib/sandbox/prelude-globals.d.ts). */
const SANDBOX_GLOBALS: Completion[] = [
  { label: 'page', type: 'variable', info: 'The page data (PageContext.data): files, checks, text, tables…' },
  { label: 'context', type: 'variable', info: 'url, title, kind, facts and the selection of the page' },
  { label: 'files', type: 'function', info: 'files(): the changed files of a pull request' },
  { label: 'hunks', type: 'function', info: 'hunks(path?): diff hunks, of one file or all' },
  { label: 'addedLines', type: 'function', info: 'addedLines(pattern?, path?): added diff lines' },
  { label: 'removedLines', type: 'function', info: 'removedLines(pattern?, path?): removed diff lines' },
  { label: 'sum', type: 'function' },
  { label: 'mean', type: 'function' },
  { label: 'median', type: 'function' },
  { label: 'groupBy', type: 'function', info: 'groupBy(items, key): an object of lists' },
  { label: 'sortBy', type: 'function', info: 'sortBy(items, key): a sorted copy' },
  { label: 'topN', type: 'function', info: 'topN(items, n, key): the n largest' },
  { label: 'view', type: 'namespace', info: 'view.table(rows), view.markdown(text), view.chart(spec)' },
  { label: 'console', type: 'namespace', info: 'console.log(…) lines show under the result' },
];

export interface MountedEditor {
  text: () => string;
  destroy: () => void;
}

/** The page's colours reach into the shadow root through its custom properties (light and dark). */
const PAGE_THEME = EditorView.theme({
  '&': { maxHeight: '420px', fontSize: '13px', backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--fg-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)' },
});

export function mountCodeEditor(host: HTMLElement, initial: string, label: string, onChange: (text: string) => void): MountedEditor {
  const parent = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        PAGE_THEME,
        javascript(),
        javascriptLanguage.data.of({ autocomplete: completeFromList(SANDBOX_GLOBALS) }),
        autocompletion(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return { text: () => view.state.doc.toString(), destroy: () => view.destroy() };
}
