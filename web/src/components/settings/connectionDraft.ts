import {
  type ConfigField,
  type Connection,
  type Provider,
  providers,
} from '../../types/settings.ts';

export interface ConnectionDraft {
  name: string;
  provider: string;
  channel: string;
  config: Record<string, string | number>;
  /** Write-only: never prefilled; empty keeps the stored credentials. */
  apiKey: string;
  rateMax: number | string;
  ratePerSeconds: number | string;
  markActive: boolean;
}

export function providerOf(id: string): Provider | undefined {
  return providers.find((provider) => provider.id === id);
}

function defaultConfig(fields: ConfigField[]): Record<string, string | number> {
  return Object.fromEntries(
    fields.map((field) => [field.key, field.kind === 'url' ? '' : field.default]),
  );
}

export function newConnectionDraft(providerId: string): ConnectionDraft {
  const provider = providerOf(providerId);
  return {
    name: '',
    provider: providerId,
    channel: provider?.channels[0] ?? '',
    config: defaultConfig(provider?.config ?? []),
    apiKey: '',
    rateMax: '',
    ratePerSeconds: '',
    markActive: false,
  };
}

export function toConnectionDraft(connection: Connection): ConnectionDraft {
  const fields = providerOf(connection.provider)?.config ?? [];
  const config = defaultConfig(fields);
  for (const field of fields) {
    const value = connection.config[field.key];
    if (typeof value === 'string' || typeof value === 'number') config[field.key] = value;
  }
  return {
    name: connection.name,
    provider: connection.provider,
    channel: connection.channel,
    config,
    apiKey: '',
    rateMax: connection.rateLimit?.max ?? '',
    ratePerSeconds: connection.rateLimit?.perSeconds ?? '',
    markActive: false,
  };
}

function configBody(draft: ConnectionDraft): Record<string, unknown> {
  const fields = providerOf(draft.provider)?.config ?? [];
  return Object.fromEntries(
    fields.map((field) => {
      const value = draft.config[field.key] ?? '';
      return [field.key, typeof value === 'string' ? value.trim() : value];
    }),
  );
}

function rateLimitBody(draft: ConnectionDraft) {
  if (draft.rateMax === '' && draft.ratePerSeconds === '') return null;
  return { max: draft.rateMax, perSeconds: draft.ratePerSeconds };
}

export function toCreateBody(draft: ConnectionDraft): Record<string, unknown> {
  const provider = providerOf(draft.provider);
  const rateLimit = rateLimitBody(draft);
  return {
    name: draft.name.trim(),
    provider: draft.provider,
    channel: draft.channel,
    config: configBody(draft),
    ...(provider?.apiKey ? { credentials: { apiKey: draft.apiKey } } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  };
}

/** Only what changed; credentials only when a new key was typed. */
export function toUpdateBody(
  draft: ConnectionDraft,
  connection: Connection,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (draft.name.trim() !== connection.name) body.name = draft.name.trim();
  if (providerOf(connection.provider)) {
    const config = configBody(draft);
    const stored = configBody(toConnectionDraft(connection));
    if (JSON.stringify(config) !== JSON.stringify(stored)) body.config = config;
  }
  if (draft.apiKey !== '') body.credentials = { apiKey: draft.apiKey };
  const rateLimit = rateLimitBody(draft);
  if (JSON.stringify(rateLimit) !== JSON.stringify(connection.rateLimit))
    body.rateLimit = rateLimit;
  if (draft.markActive) body.status = 'active';
  return body;
}
