import * as z from 'zod/mini';
import { nonEmptyString } from '../../schema/fields';
import { throwIfAborted } from '../errors';
import { capText } from '../tool-output';
import { defineTool } from './tool';

export const readMoreTool = defineTool({
  name: 'read_more',
  description:
    'Read more of the current page when the summary you were given was cut. Name a section from the ' +
    'outline, a file path, or a heading.',
  parameters: z.object({ section: nonEmptyString('section').check(z.describe('Heading, file path or section name.')) }),
  async *run({ section }, context) {
    const { deps, callId } = context;
    let text: string;
    try {
      text = await deps.readMore(section);
    } catch (error) {
      throwIfAborted(deps.signal);
      const message = `Error in read_more call: ${error instanceof Error ? error.message : String(error)}`;
      yield { type: 'tool-error', callId, message };
      return message;
    }
    throwIfAborted(deps.signal);
    yield { type: 'section-read', callId, section, chars: text.length };
    return capText(text, context.maxChars, 'Ask for a narrower section, or use run_script over `page`.');
  },
});
