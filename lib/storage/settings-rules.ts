// Pure rules for settings values, shared by the options page (validation) and the background; no storage here.

/** The token budget the options page accepts: below 500 the outline is useless, above 32000 most models choke. */
export const TOKEN_BUDGET_RANGE = { min: 500, max: 32_000 } as const;

export type HostCheck = { ok: true; host: string } | { ok: false; reason: string };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A host as the settings store it: `host` or `host:port`, lower-case, no scheme or path.
 * A pasted URL is reduced to its host, since that is what people copy from the address bar.
 */
export function normalizeHost(input: string): HostCheck {
  let text = input.trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'Enter a host name, for example github.example.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch (error) {
      return { ok: false, reason: `That is not a valid address (${(error as Error).message}).` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'Only http and https sites can be read.' };
    text = url.host;
  } else if (/[/?#]/.test(text)) {
    return { ok: false, reason: 'Enter only the host (like github.example.com), without a path.' };
  }
  const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return { ok: false, reason: 'Use the form host or host:port, like github.example.com:8443.' };
  const [, name = '', port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return { ok: false, reason: `Port ${port} is out of range (1–65535).` };
  const labels = name.split('.');
  if (!labels.every((label) => HOST_LABEL.test(label))) {
    return { ok: false, reason: 'A host may contain only letters, digits, hyphens and dots.' };
  }
  return { ok: true, host: port === undefined ? name : `${name}:${port}` };
}

function isPrivateIpv4(address: string): boolean {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false;
  const [first = -1, second = -1] = parts;
  return first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168) || (first === 169 && second === 254);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * The origin of a provider running on this machine or the local network (Ollama, LM Studio, vLLM…), or null.
 * Such servers check the Origin header or lack CORS, so Tandem treats their origin specially.
 */
export function localEndpointOrigin(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (error) {
    // Not a URL: it cannot name a local server; the settings form reports the bad URL itself.
    void error;
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const hostname = url.hostname;
  const lan = url.protocol === 'http:' && (isPrivateIpv4(hostname) || /^\[f[cd][0-9a-f]{2}:/.test(hostname));
  return isLoopback(hostname) || lan ? url.origin : null;
}
