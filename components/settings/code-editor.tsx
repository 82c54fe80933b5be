// A code box that becomes CodeMirror once its module has loaded (a plain text area meanwhile, or if it cannot load).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MountedEditor } from './codemirror-editor';

export interface CodeEditorProps {
  value: string;
  label: string;
  onChange: (text: string) => void;
  testId: string;
}

export function CodeEditor({ value, label, onChange, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'plain'>('loading');
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let mounted: MountedEditor | null = null;
    let cancelled = false;
    import('./codemirror-editor')
      .then(({ mountCodeEditor }) => {
        if (cancelled || !host.current) return;
        mounted = mountCodeEditor(host.current, value, label, (text) => latest.current(text));
        setState('ready');
      })
      .catch((error: unknown) => {
        // The plain box still edits the code; the failure is worth a line for whoever debugs it.
        console.error('Tandem: the code editor did not load', error);
        setState('plain');
      });
    return () => {
      cancelled = true;
      mounted?.destroy();
    };
  }, []);
  return (
    <div class="code-editor" data-testid={testId} data-editor={state}>
      <div ref={host} class="code-editor__host" />
      {state !== 'ready' && (
        <textarea class="input input--mono code-editor__plain" aria-label={label} value={value} rows={12} spellcheck={false} readOnly={state === 'loading'} onInput={(event) => onChange(event.currentTarget.value)} />
      )}
    </div>
  );
}
