// The composer's `/` list, filtered as the user types: every word typed must start a word of the skill's
// title or id; titles that start with what was typed come first.
import type { SkillChoice } from './types';

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function filterSkillChoices(choices: readonly SkillChoice[], query: string): SkillChoice[] {
  const typed = wordsOf(query);
  if (typed.length === 0) return [...choices];
  const matching = choices.filter((choice) => {
    const words = [...wordsOf(choice.title), ...wordsOf(choice.id)];
    return typed.every((part) => words.some((word) => word.startsWith(part)));
  });
  const start = query.trim().toLowerCase();
  return [...matching.filter((choice) => choice.title.toLowerCase().startsWith(start)), ...matching.filter((choice) => !choice.title.toLowerCase().startsWith(start))];
}
