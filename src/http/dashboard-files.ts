import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One built file of the dashboard, read and compressed once at start. */
export interface DashboardFile {
  body: Buffer;
  gzip: Buffer | null;
  contentType: string;
  etag: string;
}

export interface DashboardFiles {
  /** index.html, served for every dashboard page (the app routes in the browser). */
  index: DashboardFile;
  /** `/assets/<name>`: content-hashed by Vite, so cached forever. */
  assets: Map<string, DashboardFile>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** The web/dist Vite wrote (`npm install` builds it), or null when it has not been built. */
export function loadDashboardFiles(dir: string): DashboardFiles | null {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) return null;
  const assets = new Map<string, DashboardFile>();
  const assetsDir = join(dir, 'assets');
  if (existsSync(assetsDir)) {
    for (const name of readdirSync(assetsDir)) assets.set(name, readFile(join(assetsDir, name)));
  }
  return { index: readFile(indexPath), assets };
}

function readFile(path: string): DashboardFile {
  const body = readFileSync(path);
  const extension = extname(path);
  const gzip = compressible.has(extension) ? gzipSync(body, { level: 9 }) : null;
  return {
    body,
    gzip: gzip && gzip.length < body.length ? gzip : null,
    contentType: contentTypes[extension] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}
