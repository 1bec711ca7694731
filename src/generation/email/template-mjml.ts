import { mergeTags } from '../generation-input.ts';
import { escapeHtml } from '../markdown/render-markdown.ts';
import type { TemplateStyle } from './template-styles.ts';

/** `<!--begin:name-->…<!--end:name-->` around a sample block: cut out as a fragment after compiling. */
function region(name: string, mjml: string): string {
  return `<mj-raw><!--begin:${name}--></mj-raw>${mjml}<mj-raw><!--end:${name}--></mj-raw>`;
}

function darkModeCss(): string {
  return `:root { color-scheme: light dark; supported-color-schemes: light dark; }
h1, h2, h3 { margin: 0 0 8px; line-height: 1.25; }
.tb-text p { margin: 0 0 12px; }
@media (prefers-color-scheme: dark) {
  body, .tb-page { background-color: #121212 !important; }
  .tb-card, .tb-card > table { background-color: #1e1e1e !important; }
  .tb-text div, .tb-text p, .tb-text h2, .tb-text h3, .tb-text li { color: #e8e8e8 !important; }
  .tb-text a { color: #9ecbff !important; }
}`;
}

function ctaMjml(style: TemplateStyle, name: string): string {
  if (style.cta === 'button')
    return region(
      name,
      `<mj-button href="%%cta_url%%" align="left" background-color="${style.button}" color="${style.onButton}" font-size="16px" padding="4px 24px 16px">%%cta_label%%</mj-button>`,
    );
  return region(
    name,
    `<mj-text css-class="tb-text"><p><a href="%%cta_url%%" style="color:${style.link};">%%cta_label%%</a></p></mj-text>`,
  );
}

function itemMjml(style: TemplateStyle): string {
  const date = `<!--begin:date--><p style="color:${style.muted};font-size:14px;">%%date%%</p><!--end:date-->`;
  return region(
    'item',
    `<mj-text css-class="tb-text" padding="12px 24px 4px"><h3 style="font-size:20px;">%%title%%</h3>${date}%%body%%</mj-text>${ctaMjml(style, 'cta')}`,
  );
}

function footerItemMjml(style: TemplateStyle): string {
  const date = `<!--begin:footer_date--><p style="color:${style.muted};">%%date%%</p><!--end:footer_date-->`;
  const cta = region(
    'footer_cta',
    `<mj-text css-class="tb-text" font-size="14px"><p><a href="%%cta_url%%" style="color:${style.link};">%%cta_label%%</a></p></mj-text>`,
  );
  return region(
    'footer_item',
    `<mj-text css-class="tb-text" font-size="14px" color="${style.muted}" padding="8px 24px 0"><h3 style="font-size:16px;">%%title%%</h3>${date}%%body%%</mj-text>${cta}`,
  );
}

function footerLinks(style: TemplateStyle): string {
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}" style="color:${style.muted};">${label}</a>`;
  return `<p>${link(mergeTags.viewInBrowserUrl, 'View in browser')} · ${link(mergeTags.preferencesUrl, 'Manage preferences')} · ${link(mergeTags.unsubscribeUrl, 'Unsubscribe')}</p><p>You receive this email because you subscribed to %%brand_name%% updates.</p>`;
}

/**
 * The MJML source of one template: every block the layout can use appears once as a marked
 * sample, and every per-email value is a `%%field%%`.
 */
export function templateMjml(style: TemplateStyle): string {
  const logo = region(
    'logo',
    '<mj-image src="%%logo_url%%" alt="%%brand_name%%" width="160px" align="left" padding="0 24px 12px"></mj-image>',
  );
  return `<mjml lang="en">
<mj-head>
<mj-title>%%subject%%</mj-title>
<mj-preview>%%preheader%%</mj-preview>
<mj-attributes>
<mj-all font-family="${style.font}"></mj-all>
<mj-text font-size="16px" line-height="1.5" color="${style.text}" padding="4px 24px"></mj-text>
<mj-section background-color="${style.card}" padding="8px 0" css-class="tb-card"></mj-section>
</mj-attributes>
<mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
<mj-style>${darkModeCss()}</mj-style>
</mj-head>
<mj-body background-color="${style.page}" css-class="tb-page">
<mj-section background-color="${style.header}" padding="24px 0" css-class="tb-header">
<mj-column>${logo}<mj-text color="${style.onHeader}"><h1 style="font-size:28px;margin:0;">%%brand_name%%</h1></mj-text></mj-column>
</mj-section>
<mj-section><mj-column><mj-text css-class="tb-text" padding="16px 24px 0"><p>%%greeting%%</p></mj-text></mj-column></mj-section>
${region(
  'featured',
  `<mj-section background-color="${style.featured}" css-class="tb-card"><mj-column><mj-text css-class="tb-text"><h2 style="font-size:14px;letter-spacing:1px;text-transform:uppercase;color:${style.muted};">Featured</h2></mj-text><mj-raw>%%item%%</mj-raw></mj-column></mj-section>`,
)}
${region(
  'section',
  `<mj-section><mj-column><mj-divider border-width="1px" border-color="#d9dee5" padding="8px 24px"></mj-divider><mj-text css-class="tb-text"><h2 style="font-size:22px;">%%heading%%</h2></mj-text>${itemMjml(style)}</mj-column></mj-section>`,
)}
${region(
  'footer_section',
  `<mj-section><mj-column><mj-divider border-width="1px" border-color="#d9dee5" padding="8px 24px"></mj-divider><mj-text css-class="tb-text" font-size="14px" color="${style.muted}"><h2 style="font-size:16px;">%%heading%%</h2></mj-text>${footerItemMjml(style)}</mj-column></mj-section>`,
)}
<mj-section><mj-column><mj-text css-class="tb-text" padding="16px 24px 4px"><p>%%closing%%</p></mj-text>${region(
    'disclaimer',
    `<mj-text css-class="tb-text" font-size="13px" color="${style.muted}"><p>%%disclaimer%%</p></mj-text>`,
  )}</mj-column></mj-section>
<mj-section background-color="${style.page}" css-class="tb-page"><mj-column><mj-text css-class="tb-text" font-size="13px" color="${style.muted}" align="center">${footerLinks(style)}</mj-text></mj-column></mj-section>
</mj-body>
</mjml>`;
}
