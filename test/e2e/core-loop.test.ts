import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { defaultPolicy } from '../../src/approvals/default-policy.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import {
  adminApi,
  completeSetup,
  describeViolations,
  hasChromium,
  launchBrowser,
  newMemberPage,
  type RunningToombos,
  saveFailure,
  screenshotBothWidths,
  seriousAccessibilityViolations,
  startToombos,
} from './harness.ts';

const DEMO_SOURCE = 'Stillwave weekly (demo)';
const LEAD_TITLE = 'Adaptive Pace Coach';
const CAMPAIGN = 'Week 48 from the browser';

interface CampaignView {
  id: string;
  state: string;
  drafts: { channel: string; content: { subject?: string; posts?: { text: string }[] } }[];
}

/**
 * Issue 8's core loop, in a real Chromium against a real `toombos start`: first-run setup → the
 * demo source's items → compose email + web + X with the email preview showing the lead item →
 * submit → a second member approves (in another browser context, seeing the request arrive live)
 * → publish → the outbox shows the email and the X post → deliveries are `sent`.
 */
describe.skipIf(!hasChromium).each(databaseKinds)('the dashboard core loop on %s', (kind) => {
  let toombos: RunningToombos;
  let browser: Browser;
  beforeAll(async () => {
    [toombos, browser] = await Promise.all([startToombos(kind), launchBrowser()]);
    // One approver suffices: the default policy's L2 wants an editor AND a marketing member.
    await adminApi(toombos, 'PUT', '/v1/approval-policy', {
      levels: [
        { id: 'L1', name: 'Automatic', stages: [] },
        {
          id: 'L2',
          name: 'Editor',
          stages: [
            {
              name: 'editor',
              mode: 'any',
              approvers: { roles: ['editor'], members: [] },
              slaMinutes: 24 * 60,
            },
          ],
        },
      ],
      rules: [],
      defaultLevel: 'L2',
      legalStage: defaultPolicy.legalStage,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await toombos?.stop();
  });

  let owner: Page;
  let campaignId = '';

  it('goes from the living document to sent deliveries', { timeout: 180_000 }, async () => {
    ({ page: owner } = await newMemberPage(browser));
    onTestFailed(() => saveFailure(owner, `core-loop-${kind}`));
    await completeSetup(owner, toombos.setupLink, 'owner password 123');
    await owner.getByText('Live', { exact: true }).waitFor();

    // The demo source's items, grouped by section.
    await nav(owner, 'Sources');
    await owner.getByRole('link', { name: DEMO_SOURCE, exact: true }).click();
    await owner.getByText(LEAD_TITLE, { exact: true }).first().waitFor();
    await owner.getByRole('heading', { level: 2 }).first().waitFor();

    // A second member: invited with a role, set up through the one-time link.
    await owner.goto(`${toombos.url}/settings/members`);
    await owner.getByRole('textbox', { name: 'Email' }).fill('editor@example.test');
    await owner.getByRole('combobox', { name: 'Role' }).selectOption('editor');
    await owner.getByRole('button', { name: 'Invite' }).click();
    const setupLink = await owner.getByRole('textbox', { name: 'Setup link' }).inputValue();
    expect(setupLink).toMatch(/\/setup#token=/);
    const { page: editor } = await newMemberPage(browser);
    await completeSetup(editor, setupLink, 'editor password 123');
    await nav(editor, 'Approvals');

    // Compose: email + web + X, the email preview shows the lead item.
    await nav(owner, 'Campaigns');
    await owner.getByRole('link', { name: 'New campaign' }).click();
    await owner.getByRole('combobox', { name: 'Source' }).selectOption({ label: DEMO_SOURCE });
    for (const channel of ['Email newsletter', 'Web post', 'X']) {
      await owner.getByRole('checkbox', { name: channel, exact: true }).check();
    }
    await owner.getByRole('textbox', { name: 'Campaign name' }).fill(CAMPAIGN);
    await owner
      .frameLocator('iframe[title="Email preview"]')
      .getByText(LEAD_TITLE, { exact: true })
      .first()
      .waitFor();
    await expectAccessible(owner, 'the composer with email, web and X previews');
    await owner.getByRole('button', { name: 'Create campaign' }).click();
    await owner.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = owner.url().split('/').pop() ?? '';

    // Submit; the editor's queue shows it without a reload, they approve.
    await owner.getByRole('button', { name: 'Submit for approval' }).click();
    await owner.getByText('pending approval').first().waitFor();
    await editor.getByText(CAMPAIGN).first().waitFor();
    const review = editor.getByRole('button', { name: `Review ${CAMPAIGN}` });
    if (await review.isVisible()) await review.click();
    // The review panel (drafts, stages, decision form, comments) is checked open, too.
    await expectAccessible(editor, 'approvals with the review panel');
    await screenshotBothWidths(editor, 'approvals-review-light');
    await editor.getByRole('button', { name: 'Approve', exact: true }).click();
    await editor.getByText('Nothing waits for you').waitFor();

    // The owner's page turns approved live; publish now.
    await owner.getByText('approved', { exact: true }).first().waitFor();
    await owner.getByRole('button', { name: 'Publish now' }).click();
    await owner.getByText('published', { exact: true }).first().waitFor({ timeout: 30_000 });

    // The outbox shows the email (rendered) and the X post, exactly as sent.
    const campaign = await adminApi<CampaignView>(toombos, 'GET', `/v1/campaigns/${campaignId}`);
    const subject = draftOf(campaign, 'email').content.subject ?? '';
    const xPost = draftOf(campaign, 'x').content.posts?.[0]?.text ?? '';
    expect(xPost).not.toBe('');
    await nav(owner, 'Outbox');
    // Chromium lays out an off-screen sandboxed frame only once it is scrolled into view.
    await owner.locator(`iframe[title="Sent email: ${subject}"]`).scrollIntoViewIfNeeded();
    await owner
      .frameLocator(`iframe[title="Sent email: ${subject}"]`)
      .getByText(LEAD_TITLE, { exact: true })
      .first()
      .waitFor();
    await owner
      .getByText(xPost.split('\n')[0] ?? xPost)
      .first()
      .waitFor();

    // Every delivery of the campaign is sent.
    await nav(owner, 'Deliveries');
    // (Visible text only: the status filter's <option>s carry the same words.)
    const status = (word: string) =>
      owner.getByText(word, { exact: true }).filter({ visible: true });
    await expect.poll(() => status('sent').count()).toBe(3);
    await expect(status('failed').count()).resolves.toBe(0);
  });

  it('shows in one tab what another tab did, without a reload', { timeout: 60_000 }, async () => {
    const other = await owner.context().newPage();
    await owner.goto(`${toombos.url}/`);
    await owner.getByText('Live', { exact: true }).waitFor();
    await other.goto(`${toombos.url}/sources`);
    await other.getByRole('link', { name: DEMO_SOURCE, exact: true }).click();
    await other.getByRole('button', { name: 'Sync now' }).click();
    const activity = owner.getByRole('region', { name: 'Recent activity' });
    await activity.getByText('source.synced').first().waitFor();
    await other.close();
  });

  it.runIf(kind === 'pglite')(
    'renders every page at desktop and phone width, in light and dark, without serious accessibility violations',
    { timeout: 600_000 },
    async () => {
      const sourceId = await adminApi<{ data: { id: string }[] }>(
        toombos,
        'GET',
        '/v1/sources',
      ).then((sources) => sources.data[0]?.id ?? '');
      const pages: [string, string][] = [
        ['overview', '/'],
        ['sources', '/sources'],
        ['source', `/sources/${sourceId}`],
        ['campaigns', '/campaigns'],
        ['composer', '/campaigns/new'],
        ['campaign', `/campaigns/${campaignId}`],
        ['approvals', '/approvals'],
        ['calendar', '/calendar'],
        ['deliveries', '/deliveries'],
        ['outbox', '/outbox'],
        ...['brand', 'tones', 'connections', 'members', 'api-keys', 'webhooks'].map(
          (tab): [string, string] => [`settings-${tab}`, `/settings/${tab}`],
        ),
      ];
      const problems: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await owner.emulateMedia({ colorScheme });
        for (const [name, path] of pages) {
          await owner.goto(`${toombos.url}${path}`);
          await settled(owner);
          await screenshotBothWidths(owner, `${name}-${colorScheme}`);
          const violations = await seriousAccessibilityViolations(owner);
          if (violations.length)
            problems.push(`${path} (${colorScheme}):\n${describeViolations(violations)}`);
        }
      }
      // Signed out: the login and setup pages.
      const { context, page: visitor } = await newMemberPage(browser);
      for (const [name, path] of [
        ['login', '/login'],
        ['setup', '/setup'],
      ] as const) {
        await visitor.goto(`${toombos.url}${path}`);
        await settled(visitor);
        await screenshotBothWidths(visitor, name);
        const violations = await seriousAccessibilityViolations(visitor);
        if (violations.length) problems.push(`${path}:\n${describeViolations(violations)}`);
      }
      await context.close();
      expect(problems.join('\n\n')).toBe('');
    },
  );
});

/** The page's data has arrived: no loader or skeleton left, and the network is quiet. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(
    () =>
      !document.querySelector('.mantine-Loader-root, .mantine-Skeleton-root[data-visible="true"]'),
    undefined,
    { timeout: 10_000 },
  );
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect(describeViolations(violations), what).toBe('');
}

async function nav(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: section })
    .click();
}

function draftOf(campaign: CampaignView, channel: string) {
  const draft = campaign.drafts.find((d) => d.channel === channel);
  if (!draft) throw new Error(`campaign ${campaign.id} has no ${channel} draft`);
  return draft;
}
