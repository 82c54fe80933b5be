// puppeteer's own install step never downloads a browser: scripts/ensure-browser.ts (the postinstall) fetches
// Chrome for Testing into puppeteer's cache only when no Chromium is found (scripts/browser/find-chromium.ts).
module.exports = { skipDownload: true };
