import * as z from 'zod/mini';
import { nonEmptyString } from '../../schema/fields';
import { scriptResultForModel } from '../tool-output';
import { defineTool } from './tool';

export const runSkillTool = defineTool({
  name: 'run_skill',
  description: 'Run one of the built-in skills (tested scripts) listed in the instructions, by id.',
  parameters: z.object({ skill: nonEmptyString('skill').check(z.describe('The skill id.')) }),
  offered: ({ skills }) => skills,
  async *run({ skill: id }, context) {
    const known = context.skills;
    const skill = known.find((candidate) => candidate.id === id);
    if (!skill) {
      const message = `Error in run_skill call: there is no skill "${id}". Skills: ${known.map((candidate) => candidate.id).join(', ') || 'none'}.`;
      yield { type: 'tool-error', callId: context.callId, message };
      return message;
    }
    const result = yield* context.runScript(skill.code ?? '', skill.id);
    return scriptResultForModel(result, context.maxChars);
  },
});
