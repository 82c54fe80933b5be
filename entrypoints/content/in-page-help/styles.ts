// The buttons' look: Primer's small default button (12px system font, #d1d9e0 border, 6px radius),
// light or dark as GitHub's own color mode says (data-color-mode on <html>, "auto" follows the system).
export const HELP_BUTTON_CSS = `
:host { all: initial; }
.button {
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  height: 24px;
  padding: 0 8px;
  margin: 0;
  font: 500 12px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  white-space: nowrap;
  color: #25292e;
  background: #f6f8fa;
  border: 1px solid #d1d9e0;
  border-radius: 6px;
  box-shadow: 0 1px 0 0 #1f23280a;
  cursor: pointer;
  transition: background-color 80ms cubic-bezier(0.33, 1, 0.68, 1);
}
.button:hover { background: #eff2f5; }
.button:active { background: #e6eaef; }
.button:focus-visible { outline: 2px solid #0969da; outline-offset: -2px; }
.button[aria-busy="true"] { cursor: progress; opacity: 0.7; }
/* Floating over the code (not set in a row), so it gets Primer's overlay shadow to read as a popover. */
:host([data-spot="selection"]) .button { box-shadow: 0 1px 3px #1f23281f, 0 8px 24px #424a531f; }
.icon { width: 12px; height: 12px; fill: #59636e; flex: none; }
:host([data-theme="dark"]) .button { color: #f0f6fc; background: #212830; border-color: #3d444d; box-shadow: none; }
:host([data-theme="dark"]) .button:hover { background: #262c36; }
:host([data-theme="dark"]) .button:active { background: #2a313c; }
:host([data-theme="dark"]) .button:focus-visible { outline-color: #1f6feb; }
:host([data-theme="dark"]) .icon { fill: #9198a1; }
@media (prefers-color-scheme: dark) {
  :host([data-theme="auto"]) .button { color: #f0f6fc; background: #212830; border-color: #3d444d; box-shadow: none; }
  :host([data-theme="auto"]) .button:hover { background: #262c36; }
  :host([data-theme="auto"]) .button:active { background: #2a313c; }
  :host([data-theme="auto"]) .button:focus-visible { outline-color: #1f6feb; }
  :host([data-theme="auto"]) .icon { fill: #9198a1; }
}
`;

/** A small four-point spark: reads as "assistant" without borrowing GitHub's Copilot mark. */
export const SPARK_PATH = 'M6 0.5 7.35 4.65 11.5 6 7.35 7.35 6 11.5 4.65 7.35 0.5 6 4.65 4.65Z';
