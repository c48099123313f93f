import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../paths.ts';

const dir = join(projectRoot, 'src', 'http', 'pages', 'assets');
const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};
const cache = new Map<string, Promise<string>>();

/**
 * `GET /assets/:name`: the pages' stylesheet and modules, hand-written and served as they are (no
 * build step). Only the files of this folder, by exact name; read once per process.
 */
export async function serveAsset(name: string): Promise<Response> {
  const match = /^([a-z][a-z0-9-]*)\.(css|js)$/.exec(name);
  if (!match) return new Response('not found', { status: 404 });
  let text = cache.get(name);
  if (!text) {
    text = readFile(join(dir, name), 'utf8');
    cache.set(name, text);
  }
  try {
    return new Response(await text, {
      headers: {
        'content-type': types[match[2]!]!,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  } catch {
    cache.delete(name);
    return new Response('not found', { status: 404 });
  }
}
