import { useEffect, useRef, useState } from 'preact/hooks';

export interface ComposerProps {
  running: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
  placeholder?: string;
  /** Text to put in the box (edit-last); changes when the user asks to edit. */
  draft?: { text: string; nonce: number };
}

export function Composer({ running, onSend, onStop, placeholder = 'Ask about this page…', draft }: ComposerProps) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!draft) return;
    setText(draft.text);
    box.current?.focus();
  }, [draft?.nonce]);

  const send = () => {
    const question = text.trim();
    if (!question || running) return;
    onSend(question);
    setText('');
  };
  return (
    <form class="composer" onSubmit={(event) => { event.preventDefault(); send(); }}>
      <label class="visually-hidden" for="composer-input">Ask Tandem</label>
      <textarea
        id="composer-input"
        ref={box}
        data-testid="composer-input"
        rows={2}
        value={text}
        placeholder={placeholder}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      {running ? (
        <button type="button" class="button" onClick={onStop} data-testid="composer-stop">Stop</button>
      ) : (
        <button type="submit" class="button button--primary" disabled={!text.trim()} data-testid="composer-send">Ask</button>
      )}
    </form>
  );
}
