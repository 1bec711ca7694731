import { Box, ColorSwatch, Group, Paper, Stack, Text } from '@mantine/core';
import { defaultBrandColors } from '../../types/settings.ts';
import type { BrandDraft } from './brandDraft.ts';
import { readableOn, validColor } from './contrast.ts';

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** A local sketch of the branded email's header and button, redrawn on every keystroke. */
export function BrandMock({ draft, workspaceName }: { draft: BrandDraft; workspaceName: string }) {
  const primary = validColor(draft.primary, defaultBrandColors.primary);
  const accent = validColor(draft.accent, defaultBrandColors.accent);
  const name = draft.name.trim() || workspaceName;
  const sender = draft.senderName.trim() || name;
  const logoHost = hostOf(draft.logoUrl.trim());
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Box p="md" style={{ background: primary, color: readableOn(primary) }}>
        <Group gap="sm" wrap="nowrap">
          {logoHost ? (
            <Box
              px="xs"
              py={4}
              style={{
                border: `1px dashed ${readableOn(primary)}`,
                borderRadius: 4,
                flexShrink: 0,
              }}
            >
              <Text size="xs" inherit>
                Logo from {logoHost}
              </Text>
            </Box>
          ) : null}
          <Text fw={700} size="lg" inherit truncate>
            {name}
          </Text>
        </Group>
      </Box>
      <Stack gap="xs" p="md">
        <Text size="sm">
          From: {sender}
          {draft.senderEmail.trim() ? ` <${draft.senderEmail.trim()}>` : ' (no sender email set)'}
        </Text>
        <Box
          component="span"
          px="md"
          py={6}
          style={{
            alignSelf: 'flex-start',
            background: accent,
            color: readableOn(accent),
            borderRadius: 4,
            fontWeight: 600,
          }}
        >
          Call to action
        </Box>
        <Group gap="md">
          <Group gap={6}>
            <ColorSwatch color={primary} size={18} aria-hidden />
            <Text size="sm">Primary {primary}</Text>
          </Group>
          <Group gap={6}>
            <ColorSwatch color={accent} size={18} aria-hidden />
            <Text size="sm">Accent {accent}</Text>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
