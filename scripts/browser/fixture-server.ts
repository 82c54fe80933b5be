// Serves a folder of saved pages on 127.0.0.1 the way GitHub lays out its URLs (a path, its index.html, <path>.diff,
// or <path>.txt for a plain-text answer such as a job's log).
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.diff': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureServer {
  origin: string;
  host: string;
  /** Every path requested, in order, so tests can assert what the extension fetched. */
  requests: string[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** URL paths served from a file of the root whose name is not its path (a saved page such as `pr-conversation-kepano-defuddle-151.html`). */
  aliases?: Record<string, string>;
  /** Headers on every page served, e.g. a policy that keeps a saved page's own scripts and remote assets from loading. */
  headers?: Record<string, string>;
}

export async function startFixtureServer(root: string, port = 0, options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const base = resolve(root);
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const alias = options.aliases?.[path];
    const file = await locate(base, alias === undefined ? path : `/${alias}`);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { ...options.headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(await readFile(file));
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const host = `127.0.0.1:${address.port}`;
  return {
    origin: `http://${host}`,
    host,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function locate(base: string, path: string): Promise<string | null> {
  const target = normalize(join(base, path));
  if (!target.startsWith(base)) return null; // no climbing out of the fixture folder
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`, `${target}.txt`]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}
