// "Save as skill" on a script trail: the script (editable) becomes one of the user's own skills.
import { useState } from 'preact/hooks';
import type { PageKind } from '../lib/context/types';
import type { UserSkillSaved } from '../lib/messaging/protocol';
import type { SkillOffer, UserSkillDraft } from '../lib/user-skills/types';
import { MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS, PAGE_KIND_LABELS, PAGE_KINDS } from '../lib/user-skills/validate';
import { matchesUrlPattern, urlPatternProblem } from '../lib/user-skills/url-pattern';

export interface SaveSkillDefaults {
  name: string;
  /** The page the trail ran on: its kind is ticked, and the pattern is tried against its address. */
  page: { url: string; kind: PageKind };
  urlPattern: string;
}

export interface SaveSkillFormProps {
  code: string;
  defaults: SaveSkillDefaults;
  onSave: (draft: UserSkillDraft) => Promise<UserSkillSaved>;
  onClose: () => void;
}

let formCounter = 0;

export function SaveSkillForm({ code: initialCode, defaults, onSave, onClose }: SaveSkillFormProps) {
  const [prefix] = useState(() => `save-skill-${++formCounter}`);
  const [name, setName] = useState(defaults.name.slice(0, MAX_NAME_CHARS));
  const [description, setDescription] = useState('');
  const [kinds, setKinds] = useState<PageKind[]>([defaults.page.kind]);
  const [urlPattern, setUrlPattern] = useState(defaults.urlPattern);
  const [offer, setOffer] = useState<SkillOffer>('card');
  const [code, setCode] = useState(initialCode);
  const [state, setState] = useState<{ type: 'idle' | 'saving' } | { type: 'saved'; name: string } | { type: 'refused'; problems: string[] }>({ type: 'idle' });
  const patternProblem = urlPatternProblem(urlPattern);
  const fitsThisPage = patternProblem === null && matchesUrlPattern(urlPattern, defaults.page.url);

  const save = async () => {
    setState({ type: 'saving' });
    try {
      const outcome = await onSave({ name, description, kinds, urlPattern, offer, code, enabled: true });
      setState(outcome.ok ? { type: 'saved', name: outcome.skill.name } : { type: 'refused', problems: outcome.problems });
    } catch (error) {
      setState({ type: 'refused', problems: [error instanceof Error ? error.message : String(error)] });
    }
  };

  if (state.type === 'saved') {
    return (
      <div class="save-skill save-skill--saved" role="status" data-testid="save-skill-done">
        <p>
          Saved “{state.name}”. {offer === 'card' ? 'Tandem offers it as a card on matching pages' : 'Type / in the box below to run it'}; manage it in Settings.
        </p>
        <button type="button" class="button button--small" onClick={onClose}>Close</button>
      </div>
    );
  }
  return (
    <form class="save-skill" data-testid="save-skill-form" aria-label="Save as skill" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label class="save-skill__field">
        <span>Name</span>
        <input data-testid="save-skill-name" value={name} maxLength={MAX_NAME_CHARS} required onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label class="save-skill__field">
        <span>What it answers</span>
        <input data-testid="save-skill-description" value={description} maxLength={MAX_DESCRIPTION_CHARS} placeholder="Did anyone touch a migration without a rollback?" onInput={(event) => setDescription(event.currentTarget.value)} />
      </label>
      <fieldset class="save-skill__kinds">
        <legend>On these kinds of page</legend>
        {PAGE_KINDS.map((kind) => (
          <label key={kind} class="save-skill__kind">
            <input
              type="checkbox"
              data-testid={`save-skill-kind-${kind}`}
              checked={kinds.includes(kind)}
              onChange={(event) => setKinds(event.currentTarget.checked ? [...kinds, kind] : kinds.filter((candidate) => candidate !== kind))}
            />
            {PAGE_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <label class="save-skill__field">
        <span>Where (host and path, <code>*</code> for any part; empty for everywhere)</span>
        <input data-testid="save-skill-pattern" value={urlPattern} spellcheck={false} onInput={(event) => setUrlPattern(event.currentTarget.value)} aria-describedby={`${prefix}-pattern-note`} />
      </label>
      <p id={`${prefix}-pattern-note`} class={`save-skill__note${patternProblem ? ' save-skill__note--problem' : ''}`}>
        {patternProblem ? `This pattern ${patternProblem}.` : fitsThisPage ? 'This page matches.' : 'This page does not match the pattern.'}
      </p>
      <fieldset class="save-skill__offer">
        <legend>Offer it</legend>
        <label><input type="radio" name={`${prefix}-offer`} checked={offer === 'card'} onChange={() => setOffer('card')} data-testid="save-skill-offer-card" /> as a card on matching pages</label>
        <label><input type="radio" name={`${prefix}-offer`} checked={offer === 'on-demand'} onChange={() => setOffer('on-demand')} data-testid="save-skill-offer-on-demand" /> only when I ask (type <kbd>/</kbd>)</label>
      </fieldset>
      <label class="save-skill__field">
        <span>Script (runs offline in the sandbox over <code>page</code>)</span>
        <textarea class="save-skill__code" data-testid="save-skill-code" value={code} rows={8} spellcheck={false} onInput={(event) => setCode(event.currentTarget.value)} />
      </label>
      {state.type === 'refused' && (
        <ul class="save-skill__problems" role="alert" data-testid="save-skill-problems">
          {state.problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
      <div class="save-skill__buttons">
        <button type="submit" class="button button--primary button--small" disabled={state.type === 'saving' || kinds.length === 0 || name.trim() === ''} data-testid="save-skill-submit">
          {state.type === 'saving' ? 'Saving…' : 'Save skill'}
        </button>
        <button type="button" class="button button--small" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
