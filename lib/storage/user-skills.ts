// Saved skills: one list in the local area, written only by the worker (through user-skill messages), so
// every write is checked and no two writers race.
import { storage } from 'wxt/utils/storage';
import { readStoredSkills } from '../user-skills/validate';
import type { UserSkill } from '../user-skills/types';

export const userSkillsItem = storage.defineItem<UserSkill[]>('local:user-skills', { fallback: [] });

/** The saved skills; an entry that does not hold up (an older or hand-edited store) is skipped, not thrown. */
export async function readUserSkills(): Promise<UserSkill[]> {
  const { skills, problems } = readStoredSkills(await userSkillsItem.getValue());
  if (problems.length > 0) console.warn('Tandem: some saved skills were skipped:', problems.join('; '));
  return skills;
}

let writes: Promise<unknown> = Promise.resolve();

/** Read-modify-write through one queue, so two saves in a row cannot lose each other. */
export function updateUserSkills<Result>(change: (skills: UserSkill[]) => { skills: UserSkill[] | null; result: Result }): Promise<Result> {
  const next = writes.then(async () => {
    const outcome = change(await readUserSkills());
    if (outcome.skills !== null) await userSkillsItem.setValue(outcome.skills);
    return outcome.result;
  });
  writes = next.catch(() => undefined);
  return next;
}
