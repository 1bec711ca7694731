import { Alert } from '@mantine/core';
import type { Channel, DraftContent } from '../../types/campaigns.ts';
import { isEmailContent, isSocialContent, isWebContent } from './content.ts';
import { EmailPreview } from './EmailPreview.tsx';
import { SocialPreview } from './SocialPreview.tsx';
import { WebPreview } from './WebPreview.tsx';

/** A draft's content as its channel shows it. */
export function DraftBody({
  content,
  channel,
  brandName,
}: {
  content: DraftContent;
  channel: Channel | undefined;
  brandName: string;
}) {
  if (isEmailContent(content) && channel?.kind === 'email')
    return <EmailPreview content={content} />;
  if (isWebContent(content) && channel?.kind === 'web')
    return <WebPreview content={content} channel={channel} />;
  if (isSocialContent(content) && channel?.kind === 'social')
    return <SocialPreview content={content} channel={channel} brandName={brandName} />;
  return (
    <Alert color="gray" title="No preview">
      The channel “{content.channel}” is not in the channel registry.
    </Alert>
  );
}
