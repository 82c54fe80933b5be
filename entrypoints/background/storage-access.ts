/// <reference types="chrome" />
// Settings (the API key among them) live in the local storage area, which content scripts may read by
// default. Tandem's content script never reads storage, so the area is closed to it: a content script
// that a page manages to subvert still cannot reach the key.

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

export async function keepLocalStorageFromContentScripts(): Promise<boolean> {
  const local = (globalThis as { chrome?: { storage?: { local?: AccessLevelArea } } }).chrome?.storage?.local;
  if (typeof local?.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    // Firefox (and older Chromium) restrict only the session area this way; local stays as it was.
    console.info('Tandem: local storage stays open to content scripts here:', error);
    return false;
  }
}
