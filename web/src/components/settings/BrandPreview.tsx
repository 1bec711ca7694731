import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { BrandMock } from './BrandMock.tsx';
import type { BrandDraft } from './brandDraft.ts';
import { SavedBrandEmail } from './SavedBrandEmail.tsx';

/**
 * `POST /v1/preview` takes no brand overrides (it reads the saved profile), so the preview is two
 * parts: a live mock of the header while editing, and the server's email for the saved brand.
 */
export function BrandPreview({
  draft,
  workspaceName,
}: {
  draft: BrandDraft;
  workspaceName: string;
}) {
  return (
    <Box pos={{ md: 'sticky' }} top={72}>
      <Stack gap="lg">
        <section aria-labelledby="brand-mock-heading">
          <Title order={2} size="h3" id="brand-mock-heading">
            Header and colors
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Redrawn as you type, before saving.
          </Text>
          <BrandMock draft={draft} workspaceName={workspaceName} />
        </section>
        <section aria-labelledby="brand-email-heading">
          <Title order={2} size="h3" id="brand-email-heading">
            Email preview
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            A short sample rendered by the server with the brand template and the saved brand; it
            updates after each save.
          </Text>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <SavedBrandEmail />
          </Paper>
        </section>
      </Stack>
    </Box>
  );
}
