// What an action in the page is, written once: the `Action` type, the checks every proposal passes (from
// the model, from a message, before it runs) and the JSON schema the model reads all come from here.
import * as z from 'zod/mini';
import { nonEmptyString } from '../schema/fields';
import { actionLimits } from './limits';

/** A string that is not blank and at most `limit` characters; `tooLong` words the refusal for the field. */
function requiredText(key: string, limit: number, tooLong: (length: number) => string) {
  return nonEmptyString(key).check(z.maxLength(limit, { error: (issue) => tooLong(String(issue.input).length) }));
}

const text = (key: string, limit: number) => requiredText(key, limit, (length) => `\`${key}\` is ${length} characters; the limit is ${limit}.`);

const selector = requiredText(
  'selector',
  actionLimits.selector,
  () => `\`selector\` is longer than ${actionLimits.selector} characters; use a shorter one (an id or aria-label).`,
);

const allowedProtocols = ['http:', 'https:'];

/** Why an address may not be opened, or undefined when it may. */
function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (error) {
    if (error instanceof TypeError) return '`url` must be an absolute http(s) address.';
    throw error;
  }
  if (!allowedProtocols.includes(url.protocol)) return `Only http and https addresses can be opened, not ${url.protocol}; give an http(s) URL.`;
  // "https://github.com@evil.example" reads as GitHub and goes elsewhere.
  if (url.username !== '' || url.password !== '') return '`url` must not carry a user name or password.';
  return undefined;
}

const url = requiredText('url', actionLimits.url, () => `\`url\` is longer than ${actionLimits.url} characters.`).check(
  z.refine((value) => urlProblem(value) === undefined, { error: (issue) => urlProblem(String(issue.input)) }),
);

const label = text('label', actionLimits.label);

/** The fields of each action type, in the order a refusal names them. */
const fieldsByType = {
  copy: { text: text('text', actionLimits.text) },
  open: { url },
  fill: {
    selector,
    label: label.check(z.describe('The field\'s label as the page shows it, e.g. "Comment body". The text is typed in, never submitted.')),
    text: text('text', actionLimits.text),
  },
  click: {
    selector,
    label: label.check(
      z.describe(
        'The control\'s accessible name exactly as the page gives it (its text or aria-label, not a tooltip). Only controls that ' +
          'cannot change anything are clicked: <summary>, aria-expanded toggles, tabs, "Show more"/"Load more", pagination, links within the site.',
      ),
    ),
  },
  highlight: { selector, label: z.optional(label) },
};

export type ActionType = keyof typeof fieldsByType;

export const actionTypes = Object.keys(fieldsByType) as ActionType[];

/** A refusal of the value as a whole, worded for the model (which names the field `action`)… */
function proposalRefusal(issue: { code: string }): string | undefined {
  if (issue.code === 'invalid_type') return '`action` must be an object with a `type`.';
  if (issue.code === 'invalid_union') return `\`action.type\` must be one of ${actionTypes.join(', ')}.`;
  return undefined;
}

/** …and for a person reading why a card cannot run. */
function actionRefusal(issue: { code: string; input?: unknown }): string | undefined {
  if (issue.code === 'invalid_type') return 'An action must be an object with a `type`.';
  if (issue.code === 'invalid_union') {
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    return `Unknown action type ${JSON.stringify(type) ?? 'undefined'}; use one of: ${actionTypes.join(', ')}.`;
  }
  return undefined;
}

const variant = <Type extends ActionType>(type: Type) => ({ type: z.literal(type), ...fieldsByType[type] });

/**
 * As the model proposes it: keys an action type does not have are dropped, so a stray one costs the model
 * nothing, while every field it needs is checked.
 */
export const proposedActionSchema = z
  .discriminatedUnion(
    'type',
    [z.object(variant('copy')), z.object(variant('open')), z.object(variant('fill')), z.object(variant('click')), z.object(variant('highlight'))],
    { error: proposalRefusal },
  )
  .check(z.describe('What to do in the page. The user sees it and decides; nothing happens until they approve.'));

function strictVariant<Type extends ActionType>(type: Type) {
  const allowed = ['type', ...Object.keys(fieldsByType[type])].join(', ');
  return z.strictObject(variant(type), {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `A ${type} action has only ${allowed}; remove ${issue.keys.join(', ')}.` : undefined),
  });
}

/**
 * As it is stored and run: the proposal may come from a model steered by the page, so a key it does not
 * know is refused rather than carried along.
 */
export const actionSchema = z.discriminatedUnion(
  'type',
  [strictVariant('copy'), strictVariant('open'), strictVariant('fill'), strictVariant('click'), strictVariant('highlight')],
  { error: actionRefusal },
);

export type Action = z.output<typeof actionSchema>;
