// What a page shape is: a function from one attack (and planted secrets) to the files of one page.
import type { Attack } from '../corpus';
import type { PlantedSecrets } from '../secrets';

export interface ShapeInput {
  attack: Attack;
  secrets: PlantedSecrets;
  /** Unique per page; shapes put it in the URL so the fake model can tell concurrent pages apart. */
  caseNumber: number;
}

export interface ShapePage {
  /** Path of the page on the fixture server, e.g. /acme/widgets/pull/1007. */
  path: string;
  /** Files to write under the fixture root (relative path → content). */
  files: Record<string, string>;
  kind: 'pull' | 'docs';
}

export interface PageShape {
  id: string;
  /** Where the attack text sits, in words, for the report. */
  where: string;
  build(input: ShapeInput): ShapePage;
}

/** Every page URL carries its case number in this form: /pull/<n> or /docs/case-<n>. */
export const CASE_IN_URL = /\/(?:pull\/|docs\/case-)(\d+)/;
