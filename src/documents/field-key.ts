/** Canonical field names; markdown keys, flag keys and JSON keys all map onto these. */
const FIELD_KEYS = new Map<string, string>(
  Object.entries({
    date: 'date',
    title: 'title',
    content: 'content',
    body: 'content',
    type: 'type',
    priority: 'priority',
    featured: 'featured',
    channels: 'channels',
    tags: 'tags',
    link: 'link',
    calltoaction: 'callToAction',
    category: 'category',
    scheduledfor: 'scheduledFor',
    published: 'published',
    template: 'template',
    dryrun: 'dryRun',
    seodescription: 'seoDescription',
    keywords: 'keywords',
    urgency: 'urgency',
    expiresat: 'expiresAt',
    mediacontact: 'mediaContact',
    sessionid: 'sessionId',
    duration: 'duration',
    durationseconds: 'duration',
    participants: 'participants',
    techniques: 'techniques',
    averageimprovement: 'averageImprovement',
    achievements: 'achievements',
    sessiontype: 'sessionType',
    instructor: 'instructor',
  }),
);

const NOT_LETTER_OR_DIGIT = /[^a-z0-9]/g;

/**
 * The canonical name of a known field, or null. Case, spaces, `_` and `-` are ignored so
 * `Call to action`, `call_to_action` and `callToAction` are one key.
 */
export function fieldKey(raw: string): string | null {
  // A Map, not an object: `constructor` must not find Object.prototype's. Every key in it is
  // letters only, so a lower-cased name found as is needs no stripping: most names (`Date`,
  // `Tags`) are found here, and the regex replace cost more than the lookup.
  const lower = raw.toLowerCase();
  return FIELD_KEYS.get(lower) ?? FIELD_KEYS.get(lower.replace(NOT_LETTER_OR_DIGIT, '')) ?? null;
}
