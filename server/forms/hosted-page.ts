// The hosted form page /f/{id}: server-rendered, works without JavaScript, every value escaped.
// Errors from a failed POST are shown next to their fields (and summarised at the top, linked).
import type { FieldError } from '../platform/errors.ts';
import { Html, html, paragraphs } from './html.ts';
import type { PublicForm } from './forms.schemas.ts';
import { HOSTED_CSS } from './hosted-page.css.ts';

type Field = PublicForm['fields'][number];
export type PostedValues = Record<string, string | string[] | undefined>;

export interface FormPageState {
  values?: PostedValues;
  errors?: FieldError[];
  /** Shown above the form when the problem is not one field's (rate limit). */
  notice?: string;
  /** Tracking context carried into the POST as hidden inputs. */
  hidden?: Record<string, string | undefined>;
}

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${new Html(HOSTED_CSS)}</style>
</head>
<body>
<main class="card">
${body}
</main>
</body>
</html>`.value;
}

const inputId = (property: string) => `f-${property.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function one(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function many(v: string | string[] | undefined): string[] {
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** "Email is not a valid email address": the API's messages read after the field's label. */
export function sentence(label: string, message: string): string {
  return `${label} ${message}`;
}

function renderField(f: Field, value: string | string[] | undefined, error: string | undefined): Html {
  const id = inputId(f.property);
  const describedBy = [f.helpText ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const aria = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  const req = f.required ? html` required` : '';
  const star = f.required ? html`<span class="req" aria-hidden="true">*</span>` : '';
  const help = f.helpText ? html`<p class="help" id="${id}-help">${f.helpText}</p>` : '';
  const err = error ? html`<p class="error" id="${id}-error">${sentence(f.label, error)}</p>` : '';
  const cls = `field${error ? ' invalid' : ''}`;
  const placeholder = f.placeholder ? html` placeholder="${f.placeholder}"` : '';

  if (f.type === 'checkbox') {
    const checked = one(value) ? html` checked` : '';
    return html`<div class="${cls}"><div class="check"><input type="checkbox" id="${id}" name="${f.property}" value="true"${checked}${req}${aria}><label for="${id}">${f.label}${star}</label></div>${help}${err}</div>`;
  }
  if (f.type === 'radio' || f.type === 'checkboxes') {
    const kind = f.type === 'radio' ? 'radio' : 'checkbox';
    const chosen = many(value);
    const options = (f.options ?? []).map(
      (o, i) =>
        html`<div class="check"><input type="${kind}" id="${id}-${i}" name="${f.property}" value="${o.value}"${chosen.includes(o.value) ? html` checked` : ''}${kind === 'radio' ? req : ''}><label for="${id}-${i}">${o.label}</label></div>`,
    );
    return html`<fieldset class="${cls}"${aria}><legend class="legend">${f.label}${star}</legend>${help}<div class="options">${options}</div>${err}</fieldset>`;
  }
  const label = html`<label for="${id}">${f.label}${star}</label>${help}`;
  if (f.type === 'textarea') {
    return html`<div class="${cls}">${label}<textarea id="${id}" name="${f.property}" rows="4"${placeholder}${req}${aria}>${one(value)}</textarea>${err}</div>`;
  }
  if (f.type === 'select') {
    const current = one(value);
    const options = (f.options ?? []).map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ''}>${o.label}</option>`);
    return html`<div class="${cls}">${label}<select id="${id}" name="${f.property}"${req}${aria}><option value="">${f.placeholder ?? 'Choose…'}</option>${options}</select>${err}</div>`;
  }
  const autocomplete: Record<string, string> = { email: 'email', firstName: 'given-name', lastName: 'family-name', phone: 'tel', title: 'organization-title', company: 'organization' };
  const ac = autocomplete[f.property] ? html` autocomplete="${autocomplete[f.property]}"` : '';
  return html`<div class="${cls}">${label}<input type="${f.type}" id="${id}" name="${f.property}" value="${one(value)}"${ac}${placeholder}${req}${aria}>${err}</div>`;
}

export function renderFormPage(form: PublicForm, state: FormPageState = {}): string {
  const values = state.values ?? {};
  const errors = state.errors ?? [];
  const errorOf = (path: string) => errors.find((e) => e.path === path)?.message;
  const labelOf = new Map(form.fields.map((f) => [`fields.${f.property}`, f.label]));
  labelOf.set('consent', 'Consent');
  const summary =
    errors.length || state.notice
      ? html`<div class="summary" role="alert" id="error-summary" tabindex="-1" autofocus>
  <p class="summary-title">${state.notice ?? (errors.length === 1 ? 'Please fix the problem below.' : `Please fix the ${errors.length} problems below.`)}</p>
  ${errors.length ? html`<ul>${errors.map((e) => html`<li>${labelOf.has(e.path) ? html`<a href="#${e.path === 'consent' ? 'f-consent' : inputId(e.path.slice('fields.'.length))}">${sentence(labelOf.get(e.path)!, e.message)}</a>` : `${e.path} ${e.message}`}</li>`)}</ul>` : ''}
</div>`
      : '';
  const consentError = errorOf('consent');
  const consent = form.consent
    ? html`<div class="field consent${consentError ? ' invalid' : ''}"><div class="check"><input type="checkbox" id="f-consent" name="consent" value="true"${one(values.consent) ? html` checked` : ''}${form.consent.required ? html` required` : ''}${consentError ? html` aria-invalid="true" aria-describedby="f-consent-error"` : ''}><label for="f-consent">${form.consent.text}${form.consent.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label></div>${consentError ? html`<p class="error" id="f-consent-error">Please tick this box to continue.</p>` : ''}</div>`
    : '';
  const hidden = Object.entries(state.hidden ?? {}).map(([k, v]) => (v ? html`<input type="hidden" name="${k}" value="${v}">` : ''));
  const body = html`<h1>${form.name}</h1>
${summary}
<form method="post" action="/f/${form.id}" accept-charset="utf-8">
${form.fields.map((f) => renderField(f, values[f.property], errorOf(`fields.${f.property}`)))}
${consent}
<div class="hp" aria-hidden="true"><label for="tandem_hp">Leave this field empty</label><input type="text" id="tandem_hp" name="tandem_hp" tabindex="-1" autocomplete="off"></div>
${hidden}
<button type="submit">${form.submitLabel}</button>
</form>
<p class="footer">Powered by Tandem</p>`;
  return page(form.name, body);
}

export function renderMessagePage(title: string, message: string, opts: { success?: boolean } = {}): string {
  const icon = opts.success
    ? html`<div class="icon" aria-hidden="true"><svg viewBox="0 0 24 24" width="28" height="28"><path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg></div>`
    : '';
  return page(title, html`<div class="done${opts.success ? ' success' : ''}" role="status">${icon}<h1>${title}</h1>${paragraphs(message)}</div>`);
}
