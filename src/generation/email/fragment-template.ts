/**
 * A compiled email skeleton cut into named fragments. MJML is compiled once with sample blocks
 * wrapped in `<!--begin:name-->…<!--end:name-->` markers and fields written as `%%field%%`; each
 * marked region is lifted out as its own fragment and left behind as a `%%name%%` field of its
 * parent. Rendering is then plain string concatenation, never another MJML run.
 */
export interface Fragment {
  /** Static HTML around the fields: always one more entry than `fields`. */
  readonly parts: readonly string[];
  readonly fields: readonly string[];
}

export type FragmentTemplate = ReadonlyMap<string, Fragment>;

const FIELD = /%%([a-z_]+)%%/g;
const BEGIN = /<!--begin:([a-z_]+)-->/;

/** Splits HTML with `%%field%%` placeholders once, so filling it later is a join. */
function toFragment(html: string): Fragment {
  const parts: string[] = [];
  const fields: string[] = [];
  let last = 0;
  for (const match of html.matchAll(FIELD)) {
    parts.push(html.slice(last, match.index));
    fields.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return { parts, fields };
}

/** Lifts every marked region out of compiled HTML; the whole document is the `document` fragment. */
export function cutFragments(html: string): FragmentTemplate {
  const fragments = new Map<string, Fragment>();
  const lift = (source: string): string => {
    let rest = source;
    for (let begin = BEGIN.exec(rest); begin !== null; begin = BEGIN.exec(rest)) {
      const name = begin[1] ?? '';
      const endMarker = `<!--end:${name}-->`;
      const end = rest.indexOf(endMarker, begin.index);
      if (end < 0) throw new Error(`Email template: fragment "${name}" has no end marker`);
      const inner = lift(rest.slice(begin.index + begin[0].length, end));
      fragments.set(name, toFragment(inner));
      rest = `${rest.slice(0, begin.index)}%%${name}%%${rest.slice(end + endMarker.length)}`;
    }
    return rest;
  };
  fragments.set('document', toFragment(lift(html)));
  return fragments;
}

/** Renders one fragment; a missing field is a programming error, so it throws. */
export function fillFragment(
  template: FragmentTemplate,
  name: string,
  values: Readonly<Record<string, string>>,
): string {
  const fragment = template.get(name);
  if (fragment === undefined) throw new Error(`Email template has no fragment "${name}"`);
  let html = fragment.parts[0] ?? '';
  for (let index = 0; index < fragment.fields.length; index += 1) {
    const field = fragment.fields[index] ?? '';
    const value = values[field];
    if (value === undefined) throw new Error(`Email fragment "${name}" needs field "${field}"`);
    html += value + (fragment.parts[index + 1] ?? '');
  }
  return html;
}
