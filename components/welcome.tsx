import { OnDeviceOffer, type OnDeviceOfferProps } from './on-device-offer';
import { onDeviceOffered } from './on-device-state';

export interface WelcomeProps {
  /** null while the settings are still loading. */
  hasProvider: boolean | null;
  hasSuggestions: boolean;
  /** Chrome's on-device model: offered first where the browser has it. */
  onDevice: OnDeviceOfferProps;
}

/** The first thing a user sees on a page with no conversation yet; says what works without a key. */
export function Welcome({ hasProvider, hasSuggestions, onDevice }: WelcomeProps) {
  const offered = onDeviceOffered(onDevice.status);
  return (
    <section class="empty-state welcome" data-testid="welcome">
      <h2>Your teammate on this page</h2>
      <p>
        Tandem reads the page you are on and offers what you would want done. Every answer shows the script that produced it, so you can
        check it and run it again.
      </p>
      {hasProvider === false && (
        <>
          <p>{hasSuggestions ? 'The cards above work right now, offline and without an API key.' : 'No card here works without a model.'} To ask about this page, {offered ? 'use the model on this device, or add a provider' : 'add a model provider'}:</p>
          <OnDeviceOffer {...onDevice} />
          <ol>
            <li>Open <a href="/options.html" target="_blank" rel="noopener">Settings</a>.</li>
            <li>Pick OpenAI (with your API key), or a local server such as Ollama or LM Studio.</li>
            <li>Press Test connection, then Save.</li>
          </ol>
        </>
      )}
      {hasProvider === true && onDevice.chosen && <OnDeviceOffer {...onDevice} />}
      {hasProvider === true && <p>Ask a question below, or accept a card. Press <kbd>/</kbd> to type, <kbd>Alt</kbd>+<kbd>Enter</kbd> to accept the top card.</p>}
    </section>
  );
}
