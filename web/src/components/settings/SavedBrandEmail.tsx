import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { post } from '../../api.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const HEIGHT = 560;

interface PreviewAnswer {
  drafts: { channel: string; content: { html?: string } }[];
}

/** The email the server renders from a short sample with the `brand` template and the saved brand. */
const sample = {
  items: [
    {
      title: 'How your emails look',
      content:
        'This short sample shows the saved brand on the brand template: its colors, logo, name and sender. Campaign emails use the same layout.',
    },
  ],
  channels: ['email'],
  template: 'brand',
};

export function SavedBrandEmail() {
  const preview = useQuery({
    queryKey: ['brand', 'preview'],
    queryFn: () => post<PreviewAnswer>('/v1/preview', sample),
  });
  if (preview.isError)
    return <ErrorAlert error={preview.error} title="Could not render the preview" />;
  if (!preview.data)
    return <Skeleton height={HEIGHT} radius={0} aria-label="Loading the preview" />;
  const html = preview.data.drafts.find((draft) => draft.channel === 'email')?.content.html;
  if (html === undefined) return <Text p="md">The server made no email from the sample.</Text>;
  return (
    <iframe
      sandbox=""
      srcDoc={html}
      title="Brand email preview"
      style={{ width: '100%', height: HEIGHT, border: 0, display: 'block', background: 'white' }}
    />
  );
}
