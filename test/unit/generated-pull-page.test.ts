// The bench serves the generated pull request's .diff beside its page: both must describe the same change.
import { describe, expect, it } from 'vitest';
import { generatedPullPage } from '../../bench/generated-pull-page';
import { parsePatch } from '../../lib/capture/github/diff-patch';

describe('the generated 300-file pull request', () => {
  it('has a .diff with the page’s files, paths and line counts', async () => {
    const generated = generatedPullPage();
    const patch = await parsePatch(generated.diff);
    expect(patch.cut).toEqual([]);
    expect(patch.files).toHaveLength(generated.files);
    const added = patch.files.reduce((sum, file) => sum + file.additions, 0);
    const removed = patch.files.reduce((sum, file) => sum + file.deletions, 0);
    expect(added).toBe(generated.addedLines);
    expect(added + removed).toBe(generated.changedLines);
    for (const file of patch.files) expect(generated.html).toContain(`data-path="${file.path}"`);
    // Each hunk's header says how many lines it holds, as the page's hunk rows do.
    const [first] = patch.files;
    expect(first?.hunks[0]?.lines.length).toBe((first?.hunks[0]?.oldLines ?? 0) + (first?.additions ?? 0));
    expect(generated.html).toContain(first?.hunks[0]?.header);
  });
});
