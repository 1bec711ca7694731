import type {
  DraftContent,
  EmailContent,
  SocialContent,
  WebContent,
} from '../../types/campaigns.ts';

export function isEmailContent(content: DraftContent): content is EmailContent {
  return content.channel === 'email';
}

export function isWebContent(content: DraftContent): content is WebContent {
  return content.channel === 'web';
}

export function isSocialContent(content: DraftContent): content is SocialContent {
  return 'posts' in content;
}
