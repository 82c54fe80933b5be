// Long capture work (a huge diff) is cut into tasks so the page keeps responding in between.

/**
 * Resolves in a later task, letting the page's own work run first. Through a message port, not a timer:
 * Chrome runs a background tab's timers about once a second, which would stretch a sliced parse to minutes.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
