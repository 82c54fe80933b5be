import * as z from 'zod/mini';
import { nonEmptyString } from '../../schema/fields';
import { helperFunctions, helperNamespaces } from '../sandbox-helpers';
import { scriptResultForModel } from '../tool-output';
import { defineTool } from './tool';

export const runScriptTool = defineTool({
  name: 'run_script',
  description:
    'Run JavaScript in a sandbox over the captured page. `page` holds the full page data; the helpers ' +
    `(${[...helperFunctions, ...helperNamespaces.map((name) => `${name}.*`)].join(', ')}) are ` +
    'globals. The value of the last expression (or a top-level `return`) is the result; console.log ' +
    'lines are returned too. No network, no DOM, no timers.',
  parameters: z.object({ code: nonEmptyString('code').check(z.describe('The script source.')) }),
  async *run({ code }, context) {
    const result = yield* context.runScript(code);
    return scriptResultForModel(result, context.maxChars);
  },
});
