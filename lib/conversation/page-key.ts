// Which conversations belong to the same page: the URL without its fragment (GitHub's #L10 or #diff-… anchors).
export function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url; // not a URL (a saved file's path in the CLI): compare as it is
  }
}
