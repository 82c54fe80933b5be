// What the file-outline skill runs in the sandbox (its card: ../file-outline.ts), built into script text by
// scripts/build-sandbox-scripts.ts. It sees the prelude's globals (../../sandbox/prelude-globals.d.ts).
import type { PageData } from '../../context/types';
import { outlineCode } from '../code-outline';

export function fileOutline(page: PageData) {
  if (page.type !== 'blob') throw new Error('file-outline needs a file view');
  const outline = outlineCode(page);
  view.markdown(outline.markdown);
  return { declarations: outline.declarations, imports: outline.imports, markers: outline.markers, enclosing: outline.enclosing ?? null, read: outline.read };
}
