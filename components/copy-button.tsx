import { useState } from 'preact/hooks';

export interface CopyButtonProps {
  text: string;
  label?: string;
}

export function CopyButton({ text, label = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed'); // the panel lost focus or the clipboard is blocked; the label says so
    }
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" class="button button--ghost button--small" onClick={copy} aria-label={`${label} to the clipboard`}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
