import * as z from 'zod/mini';
import { proposedActionSchema } from '../../actions/action-schema';
import type { Action } from '../../context/types';
import { nonEmptyString } from '../../schema/fields';
import { allProblems } from '../../schema/problems';
import { defineTool } from './tool';

export const proposeActionTool = defineTool({
  name: 'propose_action',
  description:
    'Propose one action in the page (copy text, open a link, fill a field, click, highlight) that the ' +
    'user asked for. It is only shown to the user as a card; they approve or dismiss it. Never propose ' +
    'an action the user did not ask for.',
  parameters: z.object({
    action: proposedActionSchema,
    why: nonEmptyString('why').check(z.describe('One sentence the user reads before approving.')),
  }),
  async *run({ action, why }, context) {
    // Only a proposal: the panel shows it and the user decides. Nothing runs here.
    yield { type: 'action-propose', callId: context.callId, action, why };
    return 'Proposed to the user as a card. They will approve or dismiss it; do not assume it was done.';
  },
});

/** Checks an action as the model proposes it; returns it rebuilt from known keys only. */
export function parseAction(value: unknown): { ok: true; action: Action } | { ok: false; message: string } {
  const parsed = proposedActionSchema.safeParse(value);
  return parsed.success ? { ok: true, action: parsed.data } : { ok: false, message: allProblems(parsed.error) };
}
