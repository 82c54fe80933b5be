import { describe, expect, it } from 'vitest';
import { parseAction, parseToolCall, toolDefinitions } from './tools';

describe('toolDefinitions', () => {
  it('offers run_skill only when there are skills', () => {
    const names = (skills: boolean) => toolDefinitions({ skills }).map((tool) => tool.function.name);
    expect(names(false)).toEqual(['run_script', 'read_more', 'propose_action']);
    expect(names(true)).toEqual(['run_script', 'read_more', 'propose_action', 'run_skill']);
  });

  it('declares the required arguments', () => {
    const required = Object.fromEntries(
      toolDefinitions({ skills: true }).map((tool) => [tool.function.name, (tool.function.parameters as { required: string[] }).required]),
    );
    expect(required).toEqual({ run_script: ['code'], read_more: ['section'], propose_action: ['action', 'why'], run_skill: ['skill'] });
  });
});

describe('parseToolCall', () => {
  it('accepts well-formed calls', () => {
    expect(parseToolCall('run_script', '{"code":"sum([1])"}')).toEqual({ ok: true, value: { tool: 'run_script', code: 'sum([1])' } });
    expect(parseToolCall('read_more', '{"section":"Usage"}')).toEqual({ ok: true, value: { tool: 'read_more', section: 'Usage' } });
    expect(parseToolCall('run_skill', '{"skill":"pr-risk"}')).toEqual({ ok: true, value: { tool: 'run_skill', skill: 'pr-risk' } });
  });

  it('explains broken JSON and quotes what was sent', () => {
    const parsed = parseToolCall('run_script', '{"code": "1 +');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain('not valid JSON');
      expect(parsed.message).toContain('{"code": "1 +');
    }
  });

  it('rejects missing or empty fields, non-objects and unknown tools', () => {
    expect(parseToolCall('run_script', '{"code":""}').ok).toBe(false);
    expect(parseToolCall('run_script', '{}').ok).toBe(false);
    expect(parseToolCall('run_script', '[1,2]').ok).toBe(false);
    expect(parseToolCall('run_script', '"code"').ok).toBe(false);
    const unknown = parseToolCall('delete_repo', '{}');
    expect(unknown).toEqual({ ok: false, message: expect.stringContaining('no tool named "delete_repo"') });
  });

  it('treats empty arguments as an empty object', () => {
    expect(parseToolCall('read_more', '')).toEqual({ ok: false, message: expect.stringContaining('`section`') });
  });

  it('checks propose_action against the Action union and drops unknown keys', () => {
    const fill = parseToolCall('propose_action', JSON.stringify({ action: { type: 'fill', selector: '#c', label: 'Comment', text: 'LGTM', submit: true }, why: 'asked' }));
    expect(fill).toEqual({ ok: true, value: { tool: 'propose_action', action: { type: 'fill', selector: '#c', label: 'Comment', text: 'LGTM' }, why: 'asked' } });
    expect(parseToolCall('propose_action', JSON.stringify({ action: { type: 'copy', text: 'x' } })).ok).toBe(false);
  });
});

describe('parseAction', () => {
  it('accepts each action type with its required fields', () => {
    expect(parseAction({ type: 'copy', text: 'a' })).toEqual({ ok: true, action: { type: 'copy', text: 'a' } });
    expect(parseAction({ type: 'open', url: 'https://example.com/x' })).toEqual({ ok: true, action: { type: 'open', url: 'https://example.com/x' } });
    expect(parseAction({ type: 'click', selector: 'button', label: 'Merge' })).toEqual({ ok: true, action: { type: 'click', selector: 'button', label: 'Merge' } });
    expect(parseAction({ type: 'highlight', selector: '.x' })).toEqual({ ok: true, action: { type: 'highlight', selector: '.x' } });
  });

  it('refuses non-http URLs, unknown types and missing fields', () => {
    expect(parseAction({ type: 'open', url: 'javascript:alert(1)' }).ok).toBe(false);
    expect(parseAction({ type: 'submit', selector: 'form' }).ok).toBe(false);
    expect(parseAction({ type: 'click', selector: 'button' })).toEqual({ ok: false, message: expect.stringContaining('`label`') });
    expect(parseAction('copy').ok).toBe(false);
  });
});
