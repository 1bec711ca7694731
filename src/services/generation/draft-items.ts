import type { Item } from '../../documents/item.ts';
import { slug } from '../../documents/slug.ts';
import { brandContext } from '../../generation/brand-context.ts';
import type { ChannelId } from '../../generation/channels.ts';
import { type GenerationResult, generateDrafts } from '../../generation/generate-drafts.ts';
import { type EmailTemplateId, leadItem } from '../../generation/generation-input.ts';
import type { ServiceContext } from '../context.ts';
import type { WorkspaceView } from '../workspaces/workspace-view.ts';
import { resolveTone } from './resolve-tone.ts';

export interface DraftOptions {
  channels: readonly ChannelId[];
  /** A tone id; default the brand's default tone, else `professional`. */
  tone?: string | undefined;
  template: EmailTemplateId;
  socialMode: 'lead' | 'per_item';
  itemsPerSection?: number | undefined;
  footerSections?: readonly string[] | undefined;
  campaignSlug?: string | undefined;
}

/** Items → drafts in the workspace's brand and the chosen tone: what previews and campaigns share. */
export async function draftItems(
  ctx: ServiceContext,
  items: Item[],
  options: DraftOptions,
  { workspace }: { workspace: WorkspaceView },
): Promise<GenerationResult & { tone: string }> {
  const tone = await resolveTone(ctx, {
    id: options.tone ?? workspace.brand.defaultTone ?? 'professional',
  });
  const result = await generateDrafts(
    {
      items,
      tone,
      brand: brandContext(workspace.name, workspace.brand),
      template: options.template,
      campaignSlug:
        options.campaignSlug ?? (slug(leadItem(items)?.title ?? '').slice(0, 60) || 'newsletter'),
      itemsPerSection: options.itemsPerSection ?? 3,
      footerSections: options.footerSections ?? [],
      socialMode: options.socialMode,
    },
    options.channels,
  );
  return { ...result, tone: tone.id };
}
