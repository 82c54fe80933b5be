import type { ContextSection } from '../lib/context/sections';

export interface ContextDetailsProps {
  sections: ContextSection[];
  excluded: string[];
  cut: string[];
  redactions: number;
  onToggle: (section: string, excluded: boolean) => void;
}

/** What Tandem captured on this tab, part by part, with a switch to keep each part from the model. */
export function ContextDetails({ sections, excluded, cut, redactions, onToggle }: ContextDetailsProps) {
  return (
    <section class="context-details" data-testid="context-details" aria-label="What Tandem read on this page">
      <p class="context-details__intro">Scripts and the model see these parts of the page. Untick one to keep it out.</p>
      {sections.length === 0 ? (
        <p class="context-details__empty">Nothing but the title was captured on this page.</p>
      ) : (
        <ul class="context-details__list">
          {sections.map((section) => {
            const id = `section-${section.id}`;
            if (section.notRead) {
              return (
                <li key={`${section.id}-not-read`} class="context-details__not-read" data-testid={`section-not-read-${section.id}`}>
                  <span class="context-details__mark" aria-hidden="true">–</span>
                  <span>{section.label}</span>
                  <span class="context-details__size">{section.size}</span>
                </li>
              );
            }
            return (
              <li key={section.id}>
                <input
                  type="checkbox"
                  id={id}
                  checked={!excluded.includes(section.id)}
                  onChange={(event) => onToggle(section.id, !event.currentTarget.checked)}
                  data-testid={`section-toggle-${section.id}`}
                />
                <label for={id}>{section.label}</label>
                <span class="context-details__size">{section.size}</span>
              </li>
            );
          })}
        </ul>
      )}
      {redactions > 0 && <p class="context-details__note">{redactions} secret{redactions === 1 ? ' was' : 's were'} masked before leaving the page.</p>}
      {cut.length > 0 && <p class="context-details__note">Not captured: {cut.join('; ')}</p>}
    </section>
  );
}
