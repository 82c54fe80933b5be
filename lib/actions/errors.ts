// Why an action was refused, as classes with stable `name`s: the name survives minification and the
// message from the content script to the panel, where it picks the wording shown on the card.

/** What crosses from the content script to the panel: plain data, no prototype. */
export interface ActionErrorInfo {
  name: string;
  message: string;
}

export abstract class ActionError extends Error {
  abstract override readonly name: string;

  toInfo(): ActionErrorInfo {
    return { name: this.name, message: this.message };
  }
}

/** The proposal is not a well-formed action (wrong shape, oversize text, forbidden URL). */
export class InvalidActionError extends ActionError {
  override readonly name = 'InvalidActionError';
}

/** No visible element matches the selector. */
export class TargetNotFoundError extends ActionError {
  override readonly name = 'TargetNotFoundError';
}

/** Elements match the selector, but none carries the label the card promised. */
export class TargetMismatchError extends ActionError {
  override readonly name = 'TargetMismatchError';

  /** The name of the one visible element the selector found, so the card can show it next to the claim. */
  constructor(message: string, readonly found?: string) {
    super(message);
  }
}

/** Several visible elements match both the selector and the label: Tandem will not guess. */
export class AmbiguousTargetError extends ActionError {
  override readonly name = 'AmbiguousTargetError';
}

/** The target exists but the policy forbids this action on it (password field, merge button…). */
export class TargetNotAllowedError extends ActionError {
  override readonly name = 'TargetNotAllowedError';
}

/** copy and open run outside the page; the executor was given no way to do them. */
export class UnsupportedActionError extends ActionError {
  override readonly name = 'UnsupportedActionError';
}

/** The undo token is unknown, already used, or from another page load. */
export class UnknownUndoTokenError extends ActionError {
  override readonly name = 'UnknownUndoTokenError';
}

/** The field Tandem filled has left the page, so there is nothing to restore. */
export class TargetGoneError extends ActionError {
  override readonly name = 'TargetGoneError';
}

/** The user edited the field after Tandem filled it; undoing would throw their edit away. */
export class UndoConflictError extends ActionError {
  override readonly name = 'UndoConflictError';
}

/** Turns anything thrown into the plain shape results carry, keeping our stable names. */
export function toErrorInfo(error: unknown): ActionErrorInfo {
  if (error instanceof ActionError) return error.toInfo();
  if (error instanceof Error) return { name: 'UnexpectedActionError', message: error.message };
  return { name: 'UnexpectedActionError', message: String(error) };
}
