import type { EmailTemplateId } from '../generation-input.ts';

/** The look of one email template; the MJML skeleton is the same for all four. */
export interface TemplateStyle {
  font: string;
  page: string;
  card: string;
  text: string;
  /** Dates, disclaimers and the footer: still ≥ 4.5:1 on `card`. */
  muted: string;
  link: string;
  header: string;
  onHeader: string;
  featured: string;
  button: string;
  onButton: string;
  cta: 'button' | 'link';
}

const SANS = 'Helvetica, Arial, sans-serif';

/**
 * Colours are literal for the fixed templates; the brand template's brand-dependent colours are
 * `%%field%%` placeholders filled per render (see brand-colors.ts), so one compile serves every
 * workspace.
 */
export const templateStyles: Readonly<Record<EmailTemplateId, TemplateStyle>> = {
  modern: {
    font: SANS,
    page: '#f1f4f8',
    card: '#ffffff',
    text: '#1f2933',
    muted: '#52606d',
    link: '#1d4ed8',
    header: '#1f3a5f',
    onHeader: '#ffffff',
    featured: '#eef4ff',
    button: '#1d4ed8',
    onButton: '#ffffff',
    cta: 'button',
  },
  minimal: {
    font: SANS,
    page: '#ffffff',
    card: '#ffffff',
    text: '#222222',
    muted: '#595959',
    link: '#1d4ed8',
    header: '#ffffff',
    onHeader: '#222222',
    featured: '#ffffff',
    button: '#222222',
    onButton: '#ffffff',
    cta: 'link',
  },
  plain: {
    font: 'Georgia, serif',
    page: '#ffffff',
    card: '#ffffff',
    text: '#111111',
    muted: '#555555',
    link: '#0645ad',
    header: '#ffffff',
    onHeader: '#111111',
    featured: '#ffffff',
    button: '#111111',
    onButton: '#ffffff',
    cta: 'link',
  },
  brand: {
    font: SANS,
    page: '#f4f4f4',
    card: '#ffffff',
    text: '#1f2933',
    muted: '#52606d',
    link: '%%link%%',
    header: '%%primary%%',
    onHeader: '%%on_primary%%',
    featured: '#f8f8f8',
    button: '%%accent%%',
    onButton: '%%on_accent%%',
    cta: 'button',
  },
};
