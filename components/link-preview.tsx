import { useEffect, useRef } from 'preact/hooks';
import type { LinkCheck } from '../lib/actions/link-check';

export interface LinkPreviewProps {
  link: LinkCheck;
  onOpen: (href: string) => void;
  onCancel: () => void;
}

/** Before a link from an answer leaves the page's site: the whole address, and why to look twice. */
export function LinkPreview({ link, onOpen, onCancel }: LinkPreviewProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    return () => element?.close?.();
  }, [link.href]);
  const host = URL.canParse(link.href) ? new URL(link.href).host || new URL(link.href).protocol : link.href;
  return (
    <dialog ref={dialog} class="link-preview" data-testid="link-preview" aria-labelledby="link-preview-title" onCancel={(event) => { event.preventDefault(); onCancel(); }}>
      <h2 id="link-preview-title" class="link-preview__title">Open a link to {host}?</h2>
      <p class="link-preview__lead">This link leaves the page you are on. Check the whole address before you open it:</p>
      <code class="link-preview__address" data-testid="link-preview-address">{link.href}</code>
      {link.warnings.length > 0 && (
        <ul class="link-preview__warnings" role="alert" data-testid="link-preview-warnings">
          {link.warnings.map((warning) => <li key={warning}>{warning}</li>)}
        </ul>
      )}
      <div class="link-preview__buttons">
        <button type="button" class={`button ${link.warnings.length > 0 ? 'button--danger' : 'button--primary'}`} onClick={() => onOpen(link.href)} data-testid="link-preview-open">
          Open in a new tab
        </button>
        <button type="button" class="button button--ghost" onClick={onCancel} data-testid="link-preview-cancel" autoFocus>Cancel</button>
      </div>
    </dialog>
  );
}
