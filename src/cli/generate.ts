import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { parseDocument } from '../documents/parse-document.ts';
import { slug } from '../documents/slug.ts';
import { brandContext } from '../generation/brand-context.ts';
import { type ChannelId, channelIds, isChannelId } from '../generation/channels.ts';
import { generateDrafts } from '../generation/generate-drafts.ts';
import {
  type EmailTemplateId,
  emailTemplateIds,
  leadItem,
} from '../generation/generation-input.ts';
import { renderWebPage } from '../generation/render-web-page.ts';
import { builtInTones } from '../generation/tones/built-in-tones.ts';
import { readDocument } from './read-document.ts';

interface GenerateOptions {
  channels: string;
  tone: string;
  template: EmailTemplateId;
  out: string;
  brand: string;
  siteUrl?: string;
}

/** `toombos generate`: drafts for a document written to files, offline (no database, no network). */
export function generateCommand(): Command {
  return new Command('generate')
    .description(
      'Write drafts for a living document to files, offline: email, web, social, report.json',
    )
    .argument('<file>', 'Markdown, structured JSON or freeform text (- for stdin)')
    .option(
      '-c, --channels <list>',
      `comma-separated: ${channelIds.join(', ')}`,
      channelIds.join(','),
    )
    .addOption(
      new Option('-t, --tone <tone>', 'tone')
        .choices(Object.keys(builtInTones))
        .default('professional'),
    )
    .addOption(
      new Option('--template <template>', 'email template')
        .choices(emailTemplateIds)
        .default('modern'),
    )
    .option('-o, --out <dir>', 'output directory', 'toombos-drafts')
    .option('--brand <name>', 'brand name used in the drafts', 'My brand')
    .option('--site-url <url>', 'brand site, for links and canonical URLs')
    .action(async (file: string, options: GenerateOptions) => {
      const requested = options.channels.split(',').map((channel) => channel.trim());
      const unknown = requested.filter((channel) => !isChannelId(channel));
      if (unknown.length > 0)
        throw new Error(`Unknown channel(s): ${unknown.join(', ')}. Use ${channelIds.join(', ')}.`);
      const parsed = parseDocument(await readDocument(file));
      const items = parsed.items.filter((item) => item.published);
      if (items.length === 0) throw new Error(`${file} has no publishable item.`);
      const tone = builtInTones[options.tone];
      if (!tone) throw new Error(`Unknown tone ${options.tone}.`);
      const result = await generateDrafts(
        {
          items,
          tone,
          brand: brandContext(options.brand, options.siteUrl ? { siteUrl: options.siteUrl } : {}),
          template: options.template,
          campaignSlug: slug(leadItem(items)?.title ?? '').slice(0, 60) || 'newsletter',
          itemsPerSection: 3,
          footerSections: [],
          socialMode: 'lead',
        },
        requested as ChannelId[],
      );
      await mkdir(options.out, { recursive: true });
      const written: string[] = [];
      const write = async (name: string, text: string) => {
        await writeFile(join(options.out, name), text);
        written.push(name);
      };
      for (const draft of result.drafts) {
        const content = draft.content;
        if (content.channel === 'email') {
          await write('email.html', content.html);
          await write('email.txt', `Subject: ${content.subject}\n\n${content.text}\n`);
        } else if (content.channel === 'web') {
          await write('web.html', renderWebPage(content));
        } else {
          const base =
            result.drafts.filter((other) => other.channel === content.channel).length > 1
              ? `${content.channel}-${slug(content.itemKeys[0] ?? '')}`
              : content.channel;
          for (const [index, post] of content.posts.entries())
            await write(
              content.posts.length > 1 ? `${base}-${index + 1}.txt` : `${base}.txt`,
              `${post.text}\n`,
            );
        }
      }
      const report = {
        file,
        tone: tone.id,
        template: options.template,
        items: items.map((item) => item.key),
        warnings: parsed.warnings,
        skipped: result.skipped,
        drafts: result.drafts.map((draft) => ({
          channel: draft.channel,
          quality: draft.quality,
          issues: draft.issues,
        })),
      };
      await write('report.json', `${JSON.stringify(report, null, 2)}\n`);
      const errors = result.drafts.reduce(
        (sum, draft) => sum + draft.issues.filter((issue) => issue.severity === 'error').length,
        0,
      );
      process.stdout.write(
        `Wrote ${written.length} files to ${options.out}: ${written.join(', ')}\n` +
          `${result.drafts.length} drafts, ${errors} error issue(s); details in report.json\n`,
      );
    });
}
