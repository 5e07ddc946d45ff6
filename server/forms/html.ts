// A tagged template that escapes every interpolated value, so server-rendered pages and emails cannot
// carry markup from form names, labels or visitor input. Only `Html` values (other templates) pass
// through unescaped; arrays are joined.
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Part = Html | string | number | boolean | null | undefined | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Plain text with blank-line paragraphs and line breaks, escaped. */
export function paragraphs(text: string): Html {
  const blocks = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return html`${blocks.map((p) => html`<p>${p.split('\n').map((line, i) => html`${i > 0 ? new Html('<br>') : ''}${line}`)}</p>`)}`;
}
