import { z } from 'zod';
import type { Workspace } from '../../db/queries/workspaces.ts';

export const brandProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  siteUrl: z.url().max(500).optional(),
  senderName: z.string().trim().min(1).max(100).optional(),
  senderEmail: z.email().max(254).optional(),
  defaultTone: z.string().trim().min(1).max(50).optional(),
  defaultHashtags: z
    .array(
      z
        .string()
        .trim()
        .regex(/^#?[\p{L}\p{N}_]{1,50}$/u, 'a hashtag is letters, digits or _'),
    )
    .max(30)
    .optional(),
  prohibitedPhrases: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  colors: z
    .strictObject({
      primary: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'a color is #rrggbb')
        .optional(),
      accent: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'a color is #rrggbb')
        .optional(),
    })
    .optional(),
  logoUrl: z.url().max(500).optional(),
});

export const workspaceViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  brand: brandProfileSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;

export function toWorkspaceView(row: Workspace): WorkspaceView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timeZone: row.timeZone,
    brand: row.brand,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
