import { useState } from 'react';
import type { PreviewRequest, Snapshot, SocialMode, Source } from '../../types/campaigns.ts';
import { useBrand } from './queries.ts';

const DEFAULT_CHANNELS = ['email', 'web'];

/** What `POST /v1/campaigns` gets from the composer. */
export interface CreateCampaignBody {
  name: string;
  channels: string[];
  tone?: string;
  template: string;
  socialMode: SocialMode;
  snapshotId?: string;
  itemKeys?: string[];
  sourceId?: string;
  onlyChanged?: true;
}

export interface ComposerChoices {
  onlyChanged: boolean;
  setOnlyChanged: (on: boolean) => void;
  /** The checked items; with `onlyChanged`, the snapshot's added and changed ones. */
  selection: ReadonlySet<string>;
  setSelected: (keys: Set<string>) => void;
  channels: string[];
  setChannels: (channels: string[]) => void;
  tone: string;
  setTone: (tone: string) => void;
  template: string;
  setTemplate: (template: string) => void;
  socialMode: SocialMode;
  setSocialMode: (mode: SocialMode) => void;
  name: string;
  setName: (name: string) => void;
  /** The preview to ask for, or null with the reason in `blocked`. */
  request: PreviewRequest | null;
  blocked: string | null;
  /** The campaign to create, or null when the choices are incomplete. */
  createBody: CreateCampaignBody | null;
}

function defaultName(source: Source | undefined): string {
  if (!source) return '';
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date());
  return `${source.name} – ${today}`;
}

/**
 * The composer's choices and what follows from them. The item selection belongs to one snapshot:
 * another source (or a new sync) starts again from all publishable items checked.
 */
export function useComposerChoices(
  snapshot: Snapshot | undefined,
  source: Source | undefined,
): ComposerChoices {
  const brand = useBrand();
  const [picked, setPicked] = useState<{ snapshotId: string; keys: Set<string> } | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [channels, setChannels] = useState(DEFAULT_CHANNELS);
  const [toneChosen, setTone] = useState<string | null>(null);
  const [template, setTemplate] = useState('modern');
  const [socialMode, setSocialMode] = useState<SocialMode>('lead');
  const [nameTyped, setName] = useState<string | null>(null);

  const publishable = (snapshot?.items ?? []).filter((item) => item.published).map((i) => i.key);
  const changed = new Set([...(snapshot?.diff.added ?? []), ...(snapshot?.diff.changed ?? [])]);
  const checked = picked && picked.snapshotId === snapshot?.id ? picked.keys : new Set(publishable);
  const selection = onlyChanged ? new Set(publishable.filter((key) => changed.has(key))) : checked;
  const tone = toneChosen ?? brand.data?.defaultTone ?? 'professional';
  const name = nameTyped ?? defaultName(source);

  let blocked: string | null = null;
  if (!snapshot) blocked = 'Choose a source that has been read.';
  else if (selection.size === 0)
    blocked = onlyChanged
      ? 'Nothing was added or changed in the latest sync of this source.'
      : 'Choose at least one item.';
  else if (channels.length === 0) blocked = 'Choose at least one channel.';

  const allChosen = selection.size === publishable.length;
  const itemKeys = allChosen ? {} : { itemKeys: publishable.filter((k) => selection.has(k)) };
  const request: PreviewRequest | null =
    blocked === null && snapshot
      ? { snapshotId: snapshot.id, channels, tone, template, socialMode, ...itemKeys }
      : null;

  const items =
    onlyChanged && source
      ? { sourceId: source.id, onlyChanged: true as const }
      : { snapshotId: snapshot?.id ?? '', ...itemKeys };
  const createBody: CreateCampaignBody | null =
    request && name.trim() !== ''
      ? { name: name.trim(), channels, tone, template, socialMode, ...items }
      : null;

  return {
    onlyChanged,
    setOnlyChanged,
    selection,
    setSelected: (keys) => {
      if (snapshot) setPicked({ snapshotId: snapshot.id, keys });
    },
    channels,
    setChannels,
    tone,
    setTone,
    template,
    setTemplate,
    socialMode,
    setSocialMode,
    name,
    setName,
    request,
    blocked,
    createBody,
  };
}
