import {
  Button,
  ColorInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { patch } from '../../api.ts';
import { type BrandProfile, defaultBrandColors } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { type BrandDraft, toBrandPatch } from './brandDraft.ts';
import { useTones } from './queries.ts';

/** The brand profile generation writes with (`PATCH /v1/workspace/brand`, admin). */
export function BrandForm({
  draft,
  onChange,
  stored,
  onSaved,
  readOnly,
}: {
  draft: BrandDraft;
  onChange: (draft: BrandDraft) => void;
  stored: BrandProfile;
  onSaved: (saved: BrandProfile) => void;
  readOnly: boolean;
}) {
  const client = useQueryClient();
  const tones = useTones();
  const [submitted, setSubmitted] = useState(false);
  const { body, errors } = toBrandPatch(draft, stored);
  const shown = submitted ? errors : {};
  const save = useMutation({
    mutationFn: () => patch<BrandProfile>('/v1/workspace/brand', body),
    onSuccess: (saved) => {
      setSubmitted(false);
      onSaved(saved);
      client.setQueryData(['brand'], saved);
      void client.invalidateQueries({ queryKey: ['brand'] });
      void client.invalidateQueries({ queryKey: ['workspace'] });
    },
  });
  const set = <K extends keyof BrandDraft>(field: K, value: BrandDraft[K]) => {
    save.reset();
    onChange({ ...draft, [field]: value });
  };
  const text = (field: Exclude<keyof BrandDraft, 'hashtags'>) => ({
    value: draft[field],
    readOnly,
    error: shown[field as keyof typeof errors],
    onChange: (event: { currentTarget: { value: string } }) =>
      set(field, event.currentTarget.value),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) save.mutate();
  }

  const toneOptions = [
    ...(stored.defaultTone ? [] : [{ value: '', label: 'Not set (Professional)' }]),
    ...(tones.data ?? []).map((tone) => ({ value: tone.id, label: tone.name })),
  ];
  if (draft.defaultTone && !toneOptions.some((option) => option.value === draft.defaultTone)) {
    toneOptions.push({ value: draft.defaultTone, label: draft.defaultTone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Brand name"
            description="Default: the workspace name"
            maxLength={100}
            {...text('name')}
          />
          <TextInput
            label="Site URL"
            type="url"
            placeholder="https://example.com"
            maxLength={500}
            {...text('siteUrl')}
          />
          <TextInput
            label="Sender name"
            description="Default: the brand name"
            maxLength={100}
            {...text('senderName')}
          />
          <TextInput label="Sender email" type="email" maxLength={254} {...text('senderEmail')} />
          <ColorInput
            label="Primary color"
            description="#rrggbb"
            placeholder={`${defaultBrandColors.primary} (default)`}
            format="hex"
            withEyeDropper={false}
            value={draft.primary}
            readOnly={readOnly}
            error={shown.primary}
            onChange={(value) => set('primary', value)}
          />
          <ColorInput
            label="Accent color"
            description="#rrggbb"
            placeholder={`${defaultBrandColors.accent} (default)`}
            format="hex"
            withEyeDropper={false}
            value={draft.accent}
            readOnly={readOnly}
            error={shown.accent}
            onChange={(value) => set('accent', value)}
          />
          <TextInput
            label="Logo URL"
            type="url"
            placeholder="https://example.com/logo.png"
            maxLength={500}
            {...text('logoUrl')}
          />
          <NativeSelect
            label="Default tone"
            data={toneOptions}
            value={draft.defaultTone}
            disabled={readOnly || tones.isPending}
            error={shown.defaultTone ?? (tones.isError ? 'Could not load the tones' : undefined)}
            onChange={(event) => set('defaultTone', event.currentTarget.value)}
          />
        </SimpleGrid>
        <TagsInput
          label="Default hashtags"
          description="Letters, digits or _; press Enter after each"
          value={draft.hashtags}
          readOnly={readOnly}
          maxTags={30}
          onChange={(value) => set('hashtags', value)}
        />
        <Textarea
          label="Prohibited phrases"
          description="One per line; errors on every channel, on top of the built-in list (cure, guaranteed, miracle, …)"
          autosize
          minRows={3}
          maxRows={10}
          {...text('prohibitedPhrases')}
        />
        {save.isError ? <ErrorAlert error={save.error} title="Could not save the brand" /> : null}
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save brand
            </Button>
            {save.isSuccess ? (
              <Text size="sm" role="status">
                Saved; the preview shows the saved brand.
              </Text>
            ) : null}
          </Group>
        )}
      </Stack>
    </form>
  );
}
