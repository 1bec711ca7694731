import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  listeningUrl,
  spawnToombos,
  type ToombosProcess,
  terminate,
} from '../helpers/spawn-toombos.ts';
import {
  type DatabaseKind,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it) with
 * playwright-core against a real `toombos start`. Without Chromium they are skipped, loudly.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `\n⚠ Browser tests SKIPPED: no Chromium at ${chromiumPath}. Install it with ` +
      '`apt-get install -y chromium` (or set CHROMIUM_PATH); .ci/run does this.\n',
  );
}

export const screenshotDir = join(import.meta.dirname, 'screenshots');

export const viewports = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningToombos {
  url: string;
  setupLink: string;
  adminKey: string;
  process: ToombosProcess;
  stop(): Promise<void>;
}

/**
 * A first start of the whole product (`toombos start`: api + worker + scheduler, demo source) on a
 * database of its own: a fresh PGlite directory, or a new PostgreSQL database.
 */
export async function startToombos(kind: DatabaseKind): Promise<RunningToombos> {
  // PGlite: an empty directory, as a first `npm start` sees. PostgreSQL: a new database.
  const database: TestDatabase | null = kind === 'postgres' ? await openTestDatabase(kind) : null;
  const dataDir = database?.dataDir ?? mkdtempSync(join(tmpdir(), 'toombos-e2e-'));
  const env: Record<string, string> = {
    // A real port, not 0: links the server builds (invitations) name its public URL and port.
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(database?.url ? { DATABASE_URL: database.url, TOOMBOS_SECRET_KEY: 'cd'.repeat(32) } : {}),
  };
  const process = spawnToombos('start', env);
  const url = await listeningUrl(process);
  const output = () => process.output.join('');
  const setupLink = await waitUntil(() => /Owner setup link[^:]*:\s+(\S+)/.exec(output())?.[1], {
    what: 'the owner setup link',
    timeoutMs: 30_000,
  });
  const adminKey = await waitUntil(() => /Admin API key:\s+(tbk_\S+)/.exec(output())?.[1], {
    what: 'the admin API key',
    timeoutMs: 30_000,
  });
  await waitUntil(() => output().includes('Added the demo source') || undefined, {
    what: 'the demo source',
    timeoutMs: 30_000,
  });
  return {
    url,
    setupLink,
    adminKey,
    process,
    async stop() {
      await terminate(process);
      if (database) await database.close();
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The public API with the admin key: for test preconditions the dashboard does not own. */
export async function adminApi<T>(
  toombos: RunningToombos,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${toombos.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${toombos.adminKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A new browser context (its own cookies: one signed-in member) with a page at desktop width. */
export async function newMemberPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: viewports.desktop });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => console.error(`page error at ${page.url()}: ${error.stack}`));
  return { context, page };
}

const axeSource = readFileSync(
  join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2 A/AA rules on the page as it is now; only serious and critical count. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node: what a failing assertion should show. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`))
    .join('\n');
}

/** Writes `<name>-desktop.png` and `<name>-phone.png` (git-ignored) and restores the viewport. */
export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize() ?? viewports.desktop;
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150); // one layout pass after the resize
    await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Completes first-run setup through the dashboard's setup page; the member is then signed in. */
export async function completeSetup(
  page: Page,
  setupLink: string,
  password: string,
): Promise<void> {
  await page.goto(setupLink);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** On a failed test: the page as it was, to see what the assertion waited for in vain. */
export async function saveFailure(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `FAILED-${name}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  console.error(`the page at failure (${page.url()}): ${path}`);
}
