import { describe, expect, it } from 'vitest';
import { AnswerStream, parseReply, protocolInstructions, replySchema } from './reply-protocol';

const withSkills = { skills: true };
const noSkills = { skills: false };

function toolsIn(schema: object): string[] {
  const branches = (schema as { anyOf: { properties: { tool: { enum: string[] } } }[] }).anyOf;
  return branches.flatMap((branch) => branch.properties.tool.enum);
}

describe('replySchema', () => {
  it('has one branch per tool and one for the answer, each closed to other fields', () => {
    expect(toolsIn(replySchema(withSkills))).toEqual(['run_script', 'read_more', 'propose_action', 'run_skill', 'answer']);
    expect(toolsIn(replySchema(noSkills))).toEqual(['run_script', 'read_more', 'propose_action', 'answer']);
    const branches = (replySchema(noSkills) as { anyOf: { required: string[]; additionalProperties: boolean }[] }).anyOf;
    for (const branch of branches) {
      expect(branch.additionalProperties).toBe(false);
      expect(branch.required[0]).toBe('tool');
    }
  });

  it('is described to the model the same way', () => {
    expect(protocolInstructions(withSkills)).toContain('"tool":"run_skill"');
    expect(protocolInstructions(noSkills)).not.toContain('run_skill');
  });
});

describe('parseReply', () => {
  it('reads an answer and each tool call', () => {
    expect(parseReply('{"tool":"answer","markdown":"**Two** files."}', noSkills)).toEqual({ kind: 'answer', markdown: '**Two** files.' });
    expect(parseReply('{"tool":"run_script","code":"return files().length"}', noSkills)).toEqual({ kind: 'tool', args: { tool: 'run_script', code: 'return files().length' } });
    expect(parseReply('{"tool":"read_more","section":"src/a.ts"}', noSkills)).toEqual({ kind: 'tool', args: { tool: 'read_more', section: 'src/a.ts' } });
    expect(parseReply('{"tool":"run_skill","skill":"pr-risk"}', withSkills)).toEqual({ kind: 'tool', args: { tool: 'run_skill', skill: 'pr-risk' } });
    const proposal = parseReply('{"tool":"propose_action","action":{"type":"copy","text":"LGTM"},"why":"You asked to copy it."}', noSkills);
    expect(proposal).toEqual({ kind: 'tool', args: { tool: 'propose_action', action: { type: 'copy', text: 'LGTM' }, why: 'You asked to copy it.' } });
  });

  it('forgives a code fence or words around the object', () => {
    expect(parseReply('```json\n{"tool":"answer","markdown":"ok"}\n```', noSkills)).toEqual({ kind: 'answer', markdown: 'ok' });
    expect(parseReply('Sure! {"tool":"run_script","code":"1"} Done.', noSkills)).toMatchObject({ kind: 'tool' });
    // An answer without its tool field is still plainly an answer.
    expect(parseReply('{"markdown":"ok"}', noSkills)).toEqual({ kind: 'answer', markdown: 'ok' });
  });

  it('turns malformed replies into a message for the model, never a throw', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{"tool":"answer","markdown":"cut off', /not valid JSON/],
      ['The answer is 3.', /not valid JSON/],
      ['[1,2]', /JSON object, not an array/],
      ['"answer"', /JSON object, not string/],
      ['{"code":"return 1"}', /no "tool" field/],
      ['{"tool":"answer","markdown":"  "}', /non-empty "markdown"/],
    ];
    for (const [text, message] of cases) {
      const parsed = parseReply(text, noSkills);
      expect(parsed.kind, text).toBe('invalid');
      if (parsed.kind === 'invalid') {
        expect(parsed.message).toMatch(message);
        expect(parsed.message).toContain('Reply again with exactly one JSON object');
      }
    }
  });

  it('refuses off-schema calls with the same checks as native tool calls', () => {
    const unknown = parseReply('{"tool":"delete_repo","name":"x"}', noSkills);
    expect(unknown).toMatchObject({ kind: 'invalid' });
    expect(unknown.kind === 'invalid' && unknown.message).toContain('There is no tool named "delete_repo"');
    const noCode = parseReply('{"tool":"run_script","code":""}', noSkills);
    expect(noCode.kind === 'invalid' && noCode.message).toContain('`code` must be a non-empty string');
    const badAction = parseReply('{"tool":"propose_action","action":{"type":"submit","selector":"form"},"why":"x"}', noSkills);
    expect(badAction.kind === 'invalid' && badAction.message).toContain('`action.type` must be one of');
    const badUrl = parseReply('{"tool":"propose_action","action":{"type":"open","url":"javascript:alert(1)"},"why":"x"}', noSkills);
    expect(badUrl.kind === 'invalid' && badUrl.message).toContain('http(s) URL');
    // run_skill is off the schema where no skill fits the page.
    expect(parseReply('{"tool":"run_skill","skill":"pr-risk"}', noSkills).kind).toBe('invalid');
  });
});

describe('AnswerStream', () => {
  function streamed(reply: string, chunkSize: number): string {
    const stream = new AnswerStream();
    let shown = '';
    for (let index = 0; index < reply.length; index += chunkSize) shown += stream.push(reply.slice(index, index + chunkSize));
    return shown;
  }

  it('shows the answer text as it arrives, decoded, whatever the chunking', () => {
    const reply = JSON.stringify({ tool: 'answer', markdown: 'Line one\n"quoted" \\ café ✓ 😀 done' });
    for (const size of [1, 2, 3, 7, reply.length]) expect(streamed(reply, size)).toBe('Line one\n"quoted" \\ café ✓ 😀 done');
    expect(streamed('{"tool":"answer","markdown":"caf\\u00e9"}', 1)).toBe('café');
  });

  it('shows nothing of a tool call, even one carrying text', () => {
    expect(streamed('{"tool":"propose_action","action":{"type":"copy","text":"\\"markdown\\": \\"x\\""},"why":"y"}', 3)).toBe('');
    expect(streamed('{"tool":"run_script","code":"return 1"}', 2)).toBe('');
  });
});
