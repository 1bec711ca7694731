import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { post, put } from '../../api.ts';
import { channelIds, type Tone } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { type ToneDraft, toToneBody } from './toneDraft.ts';

/** Creates a workspace tone (`mode: create`) or replaces one (`mode: edit`; its id is fixed). */
export function ToneForm({
  mode,
  initial,
  onDone,
}: {
  mode: 'create' | 'edit';
  initial: ToneDraft;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof ToneDraft>(field: K, value: ToneDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const text = (
    field: Exclude<
      keyof ToneDraft,
      'emojiCap' | 'preferredChannels' | 'sentenceLengthTarget' | 'exclamationCap'
    >,
  ) => ({
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      set(field, event.currentTarget.value),
  });
  const save = useMutation({
    mutationFn: () => {
      const { id, ...body } = toToneBody(draft);
      return mode === 'create'
        ? post<Tone>('/v1/tones', { id, ...body })
        : put<Tone>(`/v1/tones/${encodeURIComponent(initial.id)}`, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['tones'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="ID"
            description={
              mode === 'create' ? 'Lower-case letters, digits or _; fixed once created' : 'Fixed'
            }
            required
            maxLength={50}
            readOnly={mode === 'edit'}
            {...text('id')}
          />
          <TextInput label="Name" required maxLength={100} {...text('name')} />
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={500}
          {...text('description')}
        />
        <TextInput
          label="Greeting"
          description="Opens emails; merge tags such as {{first_name|there}} are filled at send time"
          maxLength={200}
          {...text('greeting')}
        />
        <Textarea
          label="Closing"
          description="Closes emails and web posts; {brand} is the brand name"
          autosize
          minRows={2}
          maxLength={300}
          {...text('closing')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Call to action"
            description="Link label when an item has none"
            required
            maxLength={60}
            {...text('callToAction')}
          />
          <TextInput
            label="Social opener"
            description="Before the title of a social post; may be empty"
            maxLength={60}
            {...text('socialOpener')}
          />
        </SimpleGrid>
        <TextInput
          label="Engagement question"
          description="Where a channel wants a question (Facebook)"
          required
          maxLength={200}
          {...text('engagementQuestion')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Sentence length target"
            description="Words per sentence, 5 to 40"
            required
            min={5}
            max={40}
            allowDecimal={false}
            value={draft.sentenceLengthTarget}
            onChange={(value) => set('sentenceLengthTarget', value)}
          />
          <NumberInput
            label="Exclamation cap"
            description="Most ! per text, 0 to 20"
            required
            min={0}
            max={20}
            allowDecimal={false}
            value={draft.exclamationCap}
            onChange={(value) => set('exclamationCap', value)}
          />
        </SimpleGrid>
        <Fieldset legend="Emoji cap per channel (empty: none allowed)">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {channelIds.map((channel) => (
              <NumberInput
                key={channel}
                label={`Emoji: ${channel}`}
                min={0}
                max={50}
                allowDecimal={false}
                value={draft.emojiCap[channel]}
                onChange={(value) => set('emojiCap', { ...draft.emojiCap, [channel]: value })}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Textarea
          label="Banned words"
          description="One per line: word = replacement (nothing after = drops the word)"
          autosize
          minRows={3}
          maxRows={10}
          {...text('bannedWords')}
        />
        <Textarea
          label="Disclaimers"
          description="One per line, up to 5; appended to every draft"
          autosize
          minRows={2}
          {...text('disclaimers')}
        />
        <Checkbox.Group
          label="Preferred channels"
          value={draft.preferredChannels}
          onChange={(value) => set('preferredChannels', value)}
        >
          <Group gap="md" mt={6}>
            {channelIds.map((channel) => (
              <Checkbox key={channel} value={channel} label={channel} />
            ))}
          </Group>
        </Checkbox.Group>
        {save.isError ? <ErrorAlert error={save.error} title="Could not save the tone" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {mode === 'create' ? 'Create tone' : 'Save tone'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
