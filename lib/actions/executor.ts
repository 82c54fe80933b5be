// Runs an approved action in the page: finds and checks the target, previews it, fills or clicks, and
// undoes fills. Every entry point returns a result and never throws, because the caller is a message
// handler in the content script whose reply the panel shows as-is.
//
// copy and open do not happen in the page: the clipboard and tabs belong to the panel and background.
// They run only through the `copy` and `open` callbacks the caller injects; without them, execute()
// answers UnsupportedActionError.
import type { Action } from '../context/types';
import { checkTarget, type PageAction } from './check-target';
import { characterCount, displayLine, plural } from './display-text';
import {
  type ActionErrorInfo,
  InvalidActionError,
  TargetGoneError,
  UndoConflictError,
  UnknownUndoTokenError,
  UnsupportedActionError,
  toErrorInfo,
} from './errors';
import { readFieldText, restoreField, snapshotField, writeFieldText } from './field-content';
import { createPreviewOverlay } from './preview-overlay';
import { withSubmitGuard } from './submit-guard';
import { createUndoStore } from './undo-store';
import { validateAction } from './validate';

export interface ExecutorOptions {
  copy?: (text: string) => void | Promise<void>;
  open?: (url: string) => void | Promise<void>;
  /** How long an executed highlight stays on screen. */
  highlightMs?: number;
}

export type Failure = { ok: false; error: ActionErrorInfo };
export type ExecuteResult = { ok: true; message: string; undoToken?: string } | Failure;
/** targetLabel: the accessible name of the element actually found, for the card to show next to the proposed one. */
export type PreviewResult = { ok: true; message: string; targetLabel?: string } | (Failure & { targetLabel?: string });
export type UndoResult = { ok: true; message: string } | Failure;

export interface UndoOptions {
  /** Restore even though the user edited the field since the fill, discarding that edit. */
  force?: boolean;
}

export interface Executor {
  preview(action: Action): PreviewResult;
  execute(action: Action): Promise<ExecuteResult>;
  undo(token: string, options?: UndoOptions): UndoResult;
  clearPreview(): void;
}

const defaultHighlightMs = 3_000;

export function createExecutor(document: Document, options: ExecutorOptions = {}): Executor {
  const overlay = createPreviewOverlay(document);
  const undoStore = createUndoStore();
  let highlightTimer: ReturnType<typeof setTimeout> | undefined;

  const clearPreview = (): void => {
    if (highlightTimer !== undefined) clearTimeout(highlightTimer);
    highlightTimer = undefined;
    overlay.clear();
  };

  /** Finds the target and applies the policy (callers validated the action again: it crossed a message boundary). */
  const checkedTarget = (action: PageAction): Element => {
    const check = checkTarget(document, action, overlay.host);
    if (!check.ok) throw check.error;
    return check.target;
  };

  const showOn = (target: Element, caption: string): void => {
    // Not every environment scrolls (jsdom has no layout); the overlay is still placed.
    if (typeof (target as HTMLElement).scrollIntoView === 'function') target.scrollIntoView({ block: 'center', inline: 'nearest' });
    overlay.show(target, caption);
  };

  const preview = (proposed: Action): PreviewResult => {
    try {
      const action = revalidate(proposed, document);
      if (action.type === 'copy' || action.type === 'open') {
        requireCallback(action.type, options);
        return { ok: true, message: action.type === 'copy' ? 'Nothing in the page changes; the text goes to the clipboard.' : 'Nothing in the page changes; a new tab opens.' };
      }
      clearPreview();
      const check = checkTarget(document, action, overlay.host);
      // A refused target still has a name: the card shows what the selector found next to the reason.
      if (!check.ok) return { ok: false, error: check.error.toInfo(), ...(check.label === undefined ? {} : { targetLabel: check.label }) };
      showOn(check.target, previewCaption(action));
      return { ok: true, message: previewMessage(action, check.target), ...(check.label === undefined ? {} : { targetLabel: check.label }) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };

  const fill = (action: Extract<Action, { type: 'fill' }>): ExecuteResult => {
    const target = checkedTarget(action);
    const before = snapshotField(target);
    const guarded = withSubmitGuard(document, () => writeFieldText(target, action.text));
    const token = undoStore.add({ element: target, label: action.label, before, after: guarded.value });
    const changed = guarded.value === action.text ? '' : ` The field kept ${plural(characterCount(guarded.value), 'character')} of it.`;
    return { ok: true, undoToken: token, message: `Filled “${displayLine(action.label)}” with ${plural(characterCount(action.text), 'character')}.${changed}${blockedNote(guarded.blockedSubmissions)}` };
  };

  const click = (action: Extract<Action, { type: 'click' }>): ExecuteResult => {
    const target = checkedTarget(action);
    const guarded = withSubmitGuard(document, () => activate(target));
    return { ok: true, message: `Clicked “${displayLine(action.label)}”.${blockedNote(guarded.blockedSubmissions)}` };
  };

  const highlight = (action: Extract<Action, { type: 'highlight' }>): ExecuteResult => {
    const target = checkedTarget(action);
    showOn(target, action.label === undefined ? 'Tandem points here' : displayLine(action.label));
    highlightTimer = setTimeout(clearPreview, options.highlightMs ?? defaultHighlightMs);
    return { ok: true, message: `Highlighted ${action.label === undefined ? 'the element' : `“${displayLine(action.label)}”`}.` };
  };

  const execute = async (proposed: Action): Promise<ExecuteResult> => {
    try {
      const action = revalidate(proposed, document);
      clearPreview();
      switch (action.type) {
        case 'copy':
          await requireCallback('copy', options)(action.text);
          return { ok: true, message: `Copied ${plural(characterCount(action.text), 'character')} to the clipboard.` };
        case 'open':
          await requireCallback('open', options)(action.url);
          return { ok: true, message: `Opened ${displayLine(new URL(action.url).host)} in a new tab.` };
        case 'fill':
          return fill(action);
        case 'click':
          return click(action);
        case 'highlight':
          return highlight(action);
      }
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };

  const undo = (token: string, undoOptions: UndoOptions = {}): UndoResult => {
    try {
      const record = undoStore.take(token);
      if (record === undefined) throw new UnknownUndoTokenError('There is nothing to undo for this action (already undone, or the page was reloaded).');
      if (!record.element.isConnected) throw new TargetGoneError(`“${displayLine(record.label)}” is no longer on the page.`);
      if (readFieldText(record.element) !== record.after && !undoOptions.force) {
        undoStore.keep(token, record);
        throw new UndoConflictError(`“${displayLine(record.label)}” was edited after Tandem filled it; undo again with force to discard those edits.`);
      }
      withSubmitGuard(document, () => restoreField(record.element, record.before));
      return { ok: true, message: `Restored “${displayLine(record.label)}”.` };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };

  return { preview, execute, undo, clearPreview };
}

function revalidate(proposed: unknown, document: Document): Action {
  const checked = validateAction(proposed, { document });
  if (!checked.ok) throw new InvalidActionError(checked.error);
  return checked.action;
}

function requireCallback(type: 'copy' | 'open', options: ExecutorOptions): (value: string) => void | Promise<void> {
  const callback = options[type];
  if (callback === undefined) throw new UnsupportedActionError(`${type} runs in the side panel, not in the page.`);
  return callback;
}

function activate(target: Element): void {
  if (typeof (target as HTMLElement).click === 'function') {
    (target as HTMLElement).click();
    return;
  }
  // SVG and other non-HTML elements have no click(); a trusted-looking event is the closest equivalent.
  const view = target.ownerDocument.defaultView;
  if (view !== null) target.dispatchEvent(new view.MouseEvent('click', { bubbles: true, cancelable: true, view }));
}

function previewCaption(action: PageAction): string {
  if (action.type === 'fill') return 'Tandem will fill this';
  if (action.type === 'click') return 'Tandem will click this';
  return action.label === undefined ? 'Tandem points here' : displayLine(action.label);
}

function previewMessage(action: PageAction, target: Element): string {
  if (action.type === 'fill') {
    const existing = characterCount(readFieldText(target));
    const replaced = existing === 0 ? 'The field is empty' : `It replaces ${plural(existing, 'character')} already there`;
    return `Tandem will fill “${displayLine(action.label)}” with ${plural(characterCount(action.text), 'character')}. ${replaced}; the form is not submitted.`;
  }
  if (action.type === 'click') return `Tandem will click “${displayLine(action.label)}”.`;
  return 'Tandem will point at this element; nothing changes.';
}

function blockedNote(blocked: number): string {
  return blocked === 0 ? '' : ' The page tried to submit its form; Tandem stopped it.';
}
