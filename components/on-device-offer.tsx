import type { OnDeviceStatus } from './on-device-state';

export interface OnDeviceOfferProps {
  status: OnDeviceStatus;
  /** The on-device model is the provider now. */
  chosen: boolean;
  /** Chrome's documented requirements, said when the device cannot run the model. */
  hardwareLimits: string;
  /** Must start the download inside the click: Chrome allows it only with the user's activation. */
  onDownload: () => void;
  onUse: () => void;
}

/** "On this device (Chrome)": where Chrome's built-in model stands, and the one click that gets it. */
export function OnDeviceOffer({ status, chosen, hardwareLimits, onDownload, onUse }: OnDeviceOfferProps) {
  if (status.state === 'absent' || status.state === 'checking') return null;
  if (status.state === 'unavailable') {
    return (
      <div class="on-device on-device--unavailable" data-testid="on-device-unavailable">
        <p>Chrome’s on-device model cannot run on this device. {hardwareLimits}</p>
      </div>
    );
  }
  return (
    <div class="on-device" data-testid="on-device" data-state={status.state} data-chosen={chosen}>
      <p class="on-device__title">On this device (Chrome)</p>
      {status.state === 'available' && chosen && (
        <p data-testid="on-device-ready">Questions are answered by Chrome’s built-in model, on this computer: no account, no key, nothing sent away.</p>
      )}
      {status.state === 'available' && !chosen && (
        <>
          <p>Chrome’s built-in model is ready on this computer: answers with no account and no key, and the page never leaves it.</p>
          <button type="button" class="button button--primary" onClick={onUse} data-testid="on-device-use">Use the model on this device</button>
        </>
      )}
      {status.state === 'downloadable' && (
        <>
          <p>
            Chrome can answer with its built-in model, on this computer: no account, no key, and the page never leaves it. It needs a
            one-time download of a few gigabytes (chrome://on-device-internals shows the size).
          </p>
          <button type="button" class="button button--primary" onClick={onDownload} data-testid="on-device-download">Download the model</button>
        </>
      )}
      {status.state === 'downloading' &&
        (status.loaded === undefined ? (
          <>
            <p>Chrome is downloading its model.</p>
            <button type="button" class="button" onClick={onDownload} data-testid="on-device-download">Show progress</button>
          </>
        ) : (
          <div class="on-device__progress" role="status" data-testid="on-device-progress">
            <progress max={1} value={status.loaded} aria-label="Model download" />
            <span>Downloading the model… {Math.round(status.loaded * 100)}%</span>
          </div>
        ))}
      {status.state === 'failed' && (
        <>
          <p class="field__error" role="alert" data-testid="on-device-failed">The model could not be loaded: {status.message}</p>
          <button type="button" class="button" onClick={onDownload} data-testid="on-device-download">Try again</button>
        </>
      )}
    </div>
  );
}
