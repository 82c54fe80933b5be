// The box drawn around an action's target before it runs. It lives in a closed shadow root on a
// zero-size host at the document's top-left, so it shifts no layout, takes no clicks, keeps the
// page's styles out, and removing the host removes every trace.

const hostStyle = [
  'all: initial',
  'position: absolute',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'pointer-events: none',
].map((rule) => `${rule} !important`).join('; ');

const shadowStyle = `
  .box { position: absolute; box-sizing: border-box; border: 2px solid #7c3aed; border-radius: 4px;
    background: rgba(124, 58, 237, 0.08); box-shadow: 0 0 0 4px rgba(124, 58, 237, 0.25); pointer-events: none; }
  .caption { position: absolute; left: -2px; bottom: 100%; margin-bottom: 4px; padding: 2px 6px; border-radius: 4px;
    background: #7c3aed; color: #fff; font: 600 12px/1.4 system-ui, sans-serif; white-space: nowrap; pointer-events: none; }
`;

export interface PreviewOverlay {
  show(target: Element, caption: string): void;
  clear(): void;
  /** The host element while shown, so target lookups can skip it. */
  readonly host: Element | undefined;
}

export function createPreviewOverlay(document: Document): PreviewOverlay {
  let host: HTMLElement | undefined;
  let stopTracking: (() => void) | undefined;

  const clear = (): void => {
    stopTracking?.();
    stopTracking = undefined;
    host?.remove();
    host = undefined;
  };

  const show = (target: Element, caption: string): void => {
    clear();
    const built = buildOverlay(document, caption);
    host = built.host;
    document.documentElement.append(built.host);
    const place = (): void => placeBox(built.box, target);
    place();
    stopTracking = trackLayout(document, place);
  };

  return {
    show,
    clear,
    get host() {
      return host;
    },
  };
}

function buildOverlay(document: Document, caption: string): { host: HTMLElement; box: HTMLElement } {
  const host = document.createElement('div');
  host.setAttribute('style', hostStyle);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = shadowStyle;
  const box = document.createElement('div');
  box.className = 'box';
  const label = document.createElement('div');
  label.className = 'caption';
  // textContent, never markup: the caption can quote a label the page wrote.
  label.textContent = caption;
  box.append(label);
  shadow.append(style, box);
  return { host, box };
}

function placeBox(box: HTMLElement, target: Element): void {
  const view = target.ownerDocument.defaultView;
  const rect = target.getBoundingClientRect();
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  box.style.setProperty('left', `${rect.left + scrollX - 4}px`);
  box.style.setProperty('top', `${rect.top + scrollY - 4}px`);
  box.style.setProperty('width', `${rect.width + 8}px`);
  box.style.setProperty('height', `${rect.height + 8}px`);
}

/** Keeps the box on its target while the page or an inner container scrolls or resizes. */
function trackLayout(document: Document, place: () => void): () => void {
  const view = document.defaultView;
  if (view === null) return () => undefined;
  const options = { capture: true, passive: true } as const;
  view.addEventListener('scroll', place, options);
  view.addEventListener('resize', place, options);
  return () => {
    view.removeEventListener('scroll', place, options);
    view.removeEventListener('resize', place, options);
  };
}
