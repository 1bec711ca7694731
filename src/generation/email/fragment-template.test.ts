import { describe, expect, it } from 'vitest';
import { emailTemplateIds } from '../generation-input.ts';
import { compiledTemplate } from './compiled-templates.ts';
import { cutFragments, fillFragment } from './fragment-template.ts';

describe('cutFragments / fillFragment', () => {
  const template = cutFragments(
    '<ul><!--begin:row--><li>%%label%%<!--begin:note--> (%%note%%)<!--end:note--></li><!--end:row--></ul>',
  );

  it('lifts nested marked regions into fragments and leaves fields behind', () => {
    expect([...template.keys()]).toEqual(['note', 'row', 'document']);
    const rows = ['a', 'b']
      .map((label) =>
        fillFragment(template, 'row', {
          label,
          note: label === 'a' ? fillFragment(template, 'note', { note: '1' }) : '',
        }),
      )
      .join('');
    expect(fillFragment(template, 'document', { row: rows })).toBe(
      '<ul><li>a (1)</li><li>b</li></ul>',
    );
  });

  it('never re-reads filled values: text that looks like a field stays text', () => {
    expect(fillFragment(template, 'row', { label: '%%note%%', note: '' })).toBe(
      '<li>%%note%%</li>',
    );
  });

  it('throws on a missing field or fragment', () => {
    expect(() => fillFragment(template, 'row', { label: 'x' })).toThrow(/needs field "note"/);
    expect(() => fillFragment(template, 'nope', {})).toThrow(/no fragment/);
  });
});

describe('compiledTemplate', () => {
  it('compiles each template once and then shares the result', async () => {
    for (const id of emailTemplateIds) {
      const first = compiledTemplate(id);
      expect(compiledTemplate(id)).toBe(first);
      const fragments = await first;
      expect([...fragments.keys()].sort()).toEqual(
        [
          'cta',
          'date',
          'disclaimer',
          'document',
          'featured',
          'footer_cta',
          'footer_date',
          'footer_item',
          'footer_section',
          'item',
          'logo',
          'section',
        ].sort(),
      );
    }
  });
});
