import { useEffect, useRef, useState } from 'preact/hooks';
import type { SkillChoice } from '../lib/user-skills/types';
import { filterSkillChoices } from '../lib/user-skills/slash-filter';
import { SkillMenu, SKILL_MENU_ID, skillOptionId } from './skill-menu';

export interface ComposerProps {
  running: boolean;
  onSend: (question: string) => void;
  onStop: () => void;
  placeholder?: string;
  /** Text to put in the box (edit-last); changes when the user asks to edit. */
  draft?: { text: string; nonce: number };
  /** The skills for this page: typing `/` lists them, filtered by what follows; Enter runs the chosen one. */
  skills?: SkillChoice[];
  onRunSkill?: (choice: SkillChoice) => void;
  /** Told when the `/` list opens, so the list can be brought up to date. */
  onSkillMenuOpen?: () => void;
}

/** The text after a leading `/` when the box holds a skill command (one line), else null. */
function slashQuery(text: string): string | null {
  return text.startsWith('/') && !text.includes('\n') ? text.slice(1) : null;
}

export function Composer({ running, onSend, onStop, placeholder = 'Ask about this page…', draft, skills, onRunSkill, onSkillMenuOpen }: ComposerProps) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [menuClosed, setMenuClosed] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!draft) return;
    setText(draft.text);
    box.current?.focus();
  }, [draft?.nonce]);

  const query = slashQuery(text);
  const menuOpen = query !== null && !menuClosed && skills !== undefined && onRunSkill !== undefined && !running;
  const choices = menuOpen ? filterSkillChoices(skills, query) : [];
  const activeIndex = Math.min(active, Math.max(0, choices.length - 1));
  useEffect(() => {
    if (menuOpen) onSkillMenuOpen?.();
  }, [menuOpen]);

  const send = () => {
    const question = text.trim();
    if (!question || running) return;
    onSend(question);
    setText('');
  };
  const runSkill = (choice: SkillChoice) => {
    onRunSkill?.(choice);
    setText('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (menuOpen && choices.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + choices.length) % choices.length);
      return;
    }
    if (menuOpen && event.key === 'Escape') {
      event.preventDefault();
      setMenuClosed(true);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      const chosen = menuOpen ? choices[activeIndex] : undefined;
      if (chosen) runSkill(chosen);
      else send();
    }
  };
  return (
    <form class="composer" onSubmit={(event) => { event.preventDefault(); send(); }}>
      <label class="visually-hidden" for="composer-input">Ask Tandem</label>
      <div class="composer__box">
        {menuOpen && <SkillMenu choices={choices} active={activeIndex} query={query} onPick={runSkill} onHover={setActive} />}
        <span class="visually-hidden" role="status">
          {menuOpen ? `${choices.length} ${choices.length === 1 ? 'skill' : 'skills'} for this page. Up and down arrows to choose, Enter to run, Escape to close.` : ''}
        </span>
        <textarea
          id="composer-input"
          ref={box}
          data-testid="composer-input"
          rows={2}
          value={text}
          placeholder={placeholder}
          // A textarea cannot take the combobox role (ARIA in HTML); as a textbox it still names the list it
          // controls, that it completes from a list, and the option that Enter would run.
          aria-autocomplete="list"
          aria-controls={menuOpen ? SKILL_MENU_ID : undefined}
          aria-activedescendant={menuOpen && choices.length > 0 ? skillOptionId(activeIndex) : undefined}
          onInput={(event) => {
            const next = event.currentTarget.value;
            if (slashQuery(next) === null) setMenuClosed(false);
            if (slashQuery(next) !== query) setActive(0);
            setText(next);
          }}
          onBlur={() => setMenuClosed(true)}
          onFocus={() => setMenuClosed(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {running ? (
        <button type="button" class="button" onClick={onStop} data-testid="composer-stop">Stop</button>
      ) : (
        <button type="submit" class="button button--primary" disabled={!text.trim()} data-testid="composer-send">Ask</button>
      )}
    </form>
  );
}
