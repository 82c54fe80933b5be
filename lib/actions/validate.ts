// The strict gate every proposed action passes before a card is shown and again before it runs:
// the proposal may come from a model steered by the page, so nothing about its shape is trusted.
import type { Action } from '../context/types';
import { actionLimits } from './limits';

export { describeAction } from './describe';

export type ValidationResult = { ok: true; action: Action } | { ok: false; error: string };

export interface ValidateOptions {
  /** Parses selectors; defaults to the global document, and selectors go unchecked where there is none (service worker). */
  document?: Document;
}

type Fields = Record<string, unknown>;
type Check = (fields: Fields, options: ValidateOptions) => Action | string;

const allowedProtocols = ['http:', 'https:'];

const checks: Record<Action['type'], Check> = {
  copy(fields) {
    const text = requiredText(fields, 'text', actionLimits.text);
    return typeof text === 'string' ? { type: 'copy', text } : text.error;
  },
  open(fields) {
    const url = checkUrl(fields.url);
    return url.ok ? { type: 'open', url: url.value } : url.error;
  },
  fill(fields, options) {
    const selector = checkSelector(fields.selector, options);
    if (!selector.ok) return selector.error;
    const label = requiredText(fields, 'label', actionLimits.label);
    if (typeof label !== 'string') return label.error;
    const text = requiredText(fields, 'text', actionLimits.text);
    if (typeof text !== 'string') return text.error;
    return { type: 'fill', selector: selector.value, label, text };
  },
  click(fields, options) {
    const selector = checkSelector(fields.selector, options);
    if (!selector.ok) return selector.error;
    const label = requiredText(fields, 'label', actionLimits.label);
    return typeof label === 'string' ? { type: 'click', selector: selector.value, label } : label.error;
  },
  highlight(fields, options) {
    const selector = checkSelector(fields.selector, options);
    if (!selector.ok) return selector.error;
    if (fields.label === undefined) return { type: 'highlight', selector: selector.value };
    const label = requiredText(fields, 'label', actionLimits.label);
    return typeof label === 'string' ? { type: 'highlight', selector: selector.value, label } : label.error;
  },
};

const allowedKeys: Record<Action['type'], readonly string[]> = {
  copy: ['type', 'text'],
  open: ['type', 'url'],
  fill: ['type', 'selector', 'label', 'text'],
  click: ['type', 'selector', 'label'],
  highlight: ['type', 'selector', 'label'],
};

export function validateAction(value: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!isPlainObject(value)) return { ok: false, error: 'An action must be an object with a `type`.' };
  const type = value.type;
  if (!isActionType(type)) {
    return { ok: false, error: `Unknown action type ${JSON.stringify(type)}; use one of: ${Object.keys(checks).join(', ')}.` };
  }
  const extra = Object.keys(value).filter((key) => !allowedKeys[type].includes(key));
  if (extra.length > 0) {
    return { ok: false, error: `A ${type} action has only ${allowedKeys[type].join(', ')}; remove ${extra.join(', ')}.` };
  }
  const checked = checks[type](value, options);
  return typeof checked === 'string' ? { ok: false, error: checked } : { ok: true, action: checked };
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function checkUrl(value: unknown): Checked<string> {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, error: '`url` must be a non-empty string.' };
  if (value.length > actionLimits.url) return { ok: false, error: `\`url\` is longer than ${actionLimits.url} characters.` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, error: '`url` must be an absolute http(s) address.' };
    throw error;
  }
  if (!allowedProtocols.includes(url.protocol)) {
    return { ok: false, error: `Only http and https addresses can be opened, not ${url.protocol}.` };
  }
  // "https://github.com@evil.example" reads as GitHub and goes elsewhere.
  if (url.username !== '' || url.password !== '') return { ok: false, error: '`url` must not carry a user name or password.' };
  return { ok: true, value: url.href };
}

function checkSelector(value: unknown, options: ValidateOptions): Checked<string> {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, error: '`selector` must be a non-empty CSS selector.' };
  if (value.length > actionLimits.selector) {
    return { ok: false, error: `\`selector\` is longer than ${actionLimits.selector} characters; use a shorter one (an id or aria-label).` };
  }
  const parser = options.document ?? globalThis.document;
  if (parser === undefined) return { ok: true, value };
  try {
    // A fragment parses the selector without matching it against the page.
    parser.createDocumentFragment().querySelector(value);
  } catch (error) {
    if (isSyntaxError(error)) return { ok: false, error: `\`selector\` is not valid CSS: ${value}` };
    throw error;
  }
  return { ok: true, value };
}

function requiredText(fields: Fields, key: string, limit: number): string | { error: string } {
  const value = fields[key];
  if (typeof value !== 'string' || value.trim() === '') return { error: `\`${key}\` must be a non-empty string.` };
  if (value.length > limit) return { error: `\`${key}\` is ${value.length} characters; the limit is ${limit}.` };
  return value;
}

function isSyntaxError(error: unknown): boolean {
  // jsdom and browsers throw a DOMException named SyntaxError, from another realm than ours.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError';
}

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isActionType(value: unknown): value is Action['type'] {
  return typeof value === 'string' && Object.hasOwn(checks, value);
}
