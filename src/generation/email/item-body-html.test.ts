import { describe, expect, it } from 'vitest';
import { builtInTones } from '../tones/built-in-tones.ts';
import { itemBodyHtml } from './item-body-html.ts';
import { toneMarkdown } from './tone-markdown.ts';

describe('itemBodyHtml', () => {
  it('keeps https images with alt text and drops images email cannot show', () => {
    expect(itemBodyHtml('![Chart](https://stillwave.example/chart.png)')).toBe(
      '<p><img src="https://stillwave.example/chart.png" alt="Chart" style="max-width:100%;height:auto;"></p>',
    );
    expect(itemBodyHtml('a <img src=x onerror="alert(1)"> b')).toBe('<p>a  b</p>');
  });

  it('leaves no rel on a link whose unsafe href was removed', () => {
    expect(itemBodyHtml('[link](javascript:alert(2))')).toBe('<p><a>link</a></p>');
  });
});

describe('toneMarkdown', () => {
  const professional = builtInTones.professional;
  if (professional === undefined) throw new Error('built-in tone');

  it('caps prose but leaves image syntax and URLs alone', () => {
    expect(
      toneMarkdown(
        'Super news! ![Chart](https://x.example/super!.png) [cool](https://x.example/cool)',
        professional,
        'email',
      ),
    ).toBe('Very news. ![Chart](https://x.example/super!.png) [useful](https://x.example/cool)');
  });
});
