/**
 * Every channel Toombos writes for, with its hard limits as data (PRODUCT.md §5.1). The validator,
 * the formatters, `GET /v1/channels` and the dashboard's counters all read this one object.
 */
export const channels = {
  email: {
    id: 'email',
    kind: 'email',
    label: 'Email newsletter',
    limits: {
      subjectMin: 10,
      subjectMax: 100,
      /** Longer subjects get a warning: most clients cut them. */
      subjectWarnAbove: 60,
      preheaderMax: 150,
      /** Gmail clips messages whose HTML is larger. */
      htmlMaxBytes: 102 * 1024,
    },
  },
  web: {
    id: 'web',
    kind: 'web',
    label: 'Web post',
    limits: {
      titleMin: 10,
      titleMax: 200,
      seoTitleMax: 60,
      metaDescriptionMin: 120,
      metaDescriptionMax: 160,
      slugMax: 100,
      excerptMax: 300,
    },
  },
  x: {
    id: 'x',
    kind: 'social',
    label: 'X',
    limits: {
      maxLength: 280,
      counting: 'twitter_weighted',
      hashtagCap: 3,
      maxImages: 4,
      threads: true,
      requiresImage: false,
      endsWithQuestion: false,
    },
  },
  linkedin: {
    id: 'linkedin',
    kind: 'social',
    label: 'LinkedIn',
    limits: {
      maxLength: 3000,
      counting: 'characters',
      hashtagCap: 5,
      maxImages: 9,
      threads: false,
      requiresImage: false,
      endsWithQuestion: false,
    },
  },
  facebook: {
    id: 'facebook',
    kind: 'social',
    label: 'Facebook',
    limits: {
      maxLength: 63_206,
      counting: 'characters',
      hashtagCap: 3,
      maxImages: 10,
      threads: false,
      requiresImage: false,
      endsWithQuestion: true,
    },
  },
  instagram: {
    id: 'instagram',
    kind: 'social',
    label: 'Instagram',
    limits: {
      maxLength: 2200,
      counting: 'characters',
      hashtagCap: 30,
      maxImages: 10,
      threads: false,
      requiresImage: true,
      endsWithQuestion: false,
    },
  },
  mastodon: {
    id: 'mastodon',
    kind: 'social',
    label: 'Mastodon',
    limits: {
      /** The default; instances may configure more (per connection, later). */
      maxLength: 500,
      counting: 'mastodon',
      hashtagCap: 5,
      maxImages: 4,
      threads: false,
      requiresImage: false,
      endsWithQuestion: false,
    },
  },
  bluesky: {
    id: 'bluesky',
    kind: 'social',
    label: 'Bluesky',
    limits: {
      maxLength: 300,
      counting: 'graphemes',
      hashtagCap: 3,
      maxImages: 4,
      threads: false,
      requiresImage: false,
      endsWithQuestion: false,
    },
  },
} as const;

export type ChannelId = keyof typeof channels;
export const channelIds = Object.keys(channels) as [ChannelId, ...ChannelId[]];
export type SocialChannelId = {
  [Id in ChannelId]: (typeof channels)[Id]['kind'] extends 'social' ? Id : never;
}[ChannelId];
export const socialChannelIds = channelIds.filter(
  (id): id is SocialChannelId => channels[id].kind === 'social',
);
/**
 * How a platform counts length: `twitter_weighted` (twitter-text: URLs 23, CJK and emoji 2),
 * `mastodon` (code points, URLs 23), `graphemes` (user-perceived characters), `characters` (code
 * points).
 */
export type LengthCounting = (typeof channels)[SocialChannelId]['limits']['counting'];
export type SocialLimits = (typeof channels)[SocialChannelId]['limits'];

export function isChannelId(value: string): value is ChannelId {
  return Object.hasOwn(channels, value);
}
