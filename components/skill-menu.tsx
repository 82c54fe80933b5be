// The composer's `/` list: the skills for this page (saved and built-in), as an ARIA listbox the composer's
// text box controls (the box keeps focus; the active option is named by aria-activedescendant).
import type { SkillChoice } from '../lib/user-skills/types';

export const SKILL_MENU_ID = 'composer-skill-menu';

export function skillOptionId(index: number): string {
  return `${SKILL_MENU_ID}-option-${index}`;
}

export interface SkillMenuProps {
  choices: SkillChoice[];
  active: number;
  /** Nothing matched what was typed; Enter then asks it as a question. */
  query: string;
  onPick: (choice: SkillChoice) => void;
  onHover: (index: number) => void;
}

export function SkillMenu({ choices, active, query, onPick, onHover }: SkillMenuProps) {
  return (
    <ul id={SKILL_MENU_ID} class="skill-menu" role="listbox" aria-label="Skills for this page" data-testid="skill-menu">
      {choices.length === 0 && (
        <li class="skill-menu__empty" role="presentation">
          No skill for this page matches “{query}”. Enter asks it as a question.
        </li>
      )}
      {choices.map((choice, index) => (
        <li
          key={choice.id}
          id={skillOptionId(index)}
          role="option"
          aria-selected={index === active}
          class="skill-menu__option"
          data-testid="skill-menu-option"
          data-skill={choice.id}
          // Mouse down, not click: the text box must keep focus (a blur would close the list first).
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(choice);
          }}
          onMouseMove={() => onHover(index)}
        >
          <span class="skill-menu__title">{choice.title}</span>
          <span class="skill-menu__detail">{choice.source === 'saved' ? 'Your skill' : 'Built-in'} · {choice.description}</span>
        </li>
      ))}
    </ul>
  );
}
