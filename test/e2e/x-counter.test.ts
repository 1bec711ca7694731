import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminApi,
  completeSetup,
  hasChromium,
  launchBrowser,
  newMemberPage,
  type RunningToombos,
  startToombos,
} from './harness.ts';

interface CampaignView {
  id: string;
  state: string;
  drafts: { channel: string; content: { posts?: { text: string }[] } }[];
}

/**
 * Issue 8's live counter: an X draft edited past 280 *weighted* characters (twitter-text: CJK
 * counts 2) shows its counter in error and the submit button disabled with the reason beside it;
 * fixing the text re-enables submit, at once when the text is back to the saved one, and after a
 * save when it is a new text.
 */
describe.skipIf(!hasChromium)('the X counter on the campaign page', () => {
  let toombos: RunningToombos;
  let browser: Browser;
  let page: Page;
  let campaign: CampaignView;

  beforeAll(async () => {
    [toombos, browser] = await Promise.all([startToombos('pglite'), launchBrowser()]);
    const sources = await adminApi<{ data: { id: string }[] }>(toombos, 'GET', '/v1/sources');
    // Every demo item: a weekly update (level L2), so the campaign stays a draft until submitted.
    campaign = await adminApi<CampaignView>(toombos, 'POST', '/v1/campaigns', {
      name: 'Counter check',
      sourceId: sources.data[0]?.id,
      channels: ['email', 'web', 'x'],
    });
    ({ page } = await newMemberPage(browser));
    await completeSetup(page, toombos.setupLink, 'owner password 123');
  });
  afterAll(async () => {
    await browser?.close();
    await toombos?.stop();
  });

  it('blocks submitting while a post is over the limit, and names why', async () => {
    expect(campaign.state).toBe('draft');
    const saved = campaign.drafts.find((d) => d.channel === 'x')?.content.posts?.[0]?.text ?? '';
    expect(saved).not.toBe('');

    await page.goto(`${toombos.url}/campaigns/${campaign.id}`);
    const post = page.getByRole('textbox', { name: 'X post 1' });
    const counter = page.getByTestId('counter-x-1');
    const submit = page.getByRole('button', { name: 'Submit for approval' });
    await post.waitFor();
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await expect.poll(() => counter.getAttribute('data-state')).toBe('ok');

    // 141 CJK characters: 141 code points, but 282 as X counts them.
    const overLimit = '日'.repeat(141);
    await post.fill(overLimit);
    await expect.poll(() => counter.textContent()).toBe('282 / 280 — 2 over');
    await expect.poll(() => counter.getAttribute('data-state')).toBe('error');
    await expect.poll(() => submit.isDisabled()).toBe(true);
    const reasonId = await submit.getAttribute('aria-describedby');
    expect(reasonId).toBeTruthy();
    const reason = page.locator(`[id="${reasonId}"]`);
    await expect.poll(() => reason.isVisible()).toBe(true);
    await expect
      .poll(() => reason.textContent())
      .toContain('X post 1 is 2 characters over the 280 limit.');

    // Back to the saved text: nothing is left to save, submit is enabled again at once.
    await post.fill(saved);
    await expect.poll(() => counter.getAttribute('data-state')).toBe('ok');
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await expect.poll(() => submit.getAttribute('aria-describedby')).toBeNull();

    // Over again, then a new text that fits: the only reason left is the unsaved edit; saving
    // writes version 2 and submit is enabled.
    await post.fill(overLimit);
    await expect.poll(() => submit.isDisabled()).toBe(true);
    await post.fill('日'.repeat(140));
    await expect.poll(() => counter.textContent()).toBe('280 / 280');
    await expect.poll(() => reason.textContent()).not.toContain('over the 280 limit');
    await expect.poll(() => reason.textContent()).toContain('Save your edits first');
    await page.getByRole('button', { name: 'Save X draft' }).click();
    await page.getByText('version 2', { exact: true }).waitFor();
    await expect.poll(() => submit.isEnabled()).toBe(true);
    const after = await adminApi<CampaignView>(toombos, 'GET', `/v1/campaigns/${campaign.id}`);
    expect(after.drafts.find((d) => d.channel === 'x')?.content.posts?.[0]?.text).toBe(
      '日'.repeat(140),
    );
  }, 60_000);
});
