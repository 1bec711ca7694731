import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dashboardDir } from '../src/http/routes/dashboard.ts';

/** Issue 8: the JavaScript a first visit downloads, gzipped, stays under this. */
const GOAL_FIRST_LOAD_GZIP_BYTES = 300 * 1024;
/** The page a signed-in first visit lands on: its lazy chunk loads right after the shell. */
const LANDING_PAGE = 'src/pages/OverviewPage.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * Weighs the built dashboard (web/dist, written by `npm install`): the entry chunk, everything it
 * imports statically, and the landing page's chunk with its static imports — the JavaScript a
 * first visit to `/` runs — gzipped at level 9 as the server sends it.
 */
export function benchDashboardSize(print: (line: string) => void): void {
  const manifestPath = join(dashboardDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    print('dashboard: web/dist is not built (run `npm run build:web`); not weighed');
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('the dashboard manifest has no entry chunk');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(LANDING_PAGE);
  const gzipBytes = (file: string) =>
    gzipSync(readFileSync(join(dashboardDir, file)), { level: 9 }).length;
  const firstLoad = [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
  const allJs = Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file, index, list) => file.endsWith('.js') && list.indexOf(file) === index)
    .reduce((sum, file) => sum + gzipBytes(file), 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const verdict = firstLoad <= GOAL_FIRST_LOAD_GZIP_BYTES ? 'goal MET' : 'goal NOT MET';
  print(
    `dashboard first load: ${kb(firstLoad)} of JavaScript gzipped in ${files.size} files ` +
      `(shell + ${LANDING_PAGE}; every page together ${kb(allJs)}); ` +
      `goal ≤ ${kb(GOAL_FIRST_LOAD_GZIP_BYTES)}: ${verdict}`,
  );
}
