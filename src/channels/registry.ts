import { crm } from './crm/index.ts';
import type { ChannelAdapter } from './define-channel.ts';
import { platform } from './platform/index.ts';
import { sandbox } from './sandbox/index.ts';

/**
 * Every publish adapter, by the `provider` a connection names. Adding a destination = its folder
 * under src/channels/ and one line here (the key is the adapter's `id`); the connections API and the worker derive from this.
 */
export const channelAdapters = {
  sandbox,
  crm,
  platform,
} as const;

export type ProviderId = keyof typeof channelAdapters;
export const providerIds = Object.keys(channelAdapters) as [ProviderId, ...ProviderId[]];

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(channelAdapters, value);
}

/** The adapter behind a connection, typed loosely: config and credentials are parsed by its schemas. */
export function adapterFor(provider: ProviderId): ChannelAdapter {
  return channelAdapters[provider] as unknown as ChannelAdapter;
}
