// Tandem's tests drive Debian's /usr/bin/chromium (or CHROME_PATH); puppeteer must never download a browser.
module.exports = { skipDownload: true };
