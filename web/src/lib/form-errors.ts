// Puts the API's per-field problems (`errors[].path`, e.g. `email` or `customFields.seats`) next to the
// matching form inputs; anything that has no input on the form is shown as a notification.
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../api/problem.ts';
import { notifyError } from './notify.ts';

// any: only the form's error API is used, whatever its values look like
type AnyForm = UseFormReturnType<any>;

export function showApiErrors(form: AnyForm, error: unknown, title = 'Could not save'): void {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) {
    notifyError(error, title);
    return;
  }
  const placed: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { path, message } of error.fieldErrors) {
    const key = path.replace(/^body\./, '');
    if (hasPath(form.getValues(), key)) placed[key] = message;
    else unplaced.push(`${key}: ${message}`);
  }
  form.setErrors(placed);
  if (unplaced.length > 0 || Object.keys(placed).length === 0) notifyError(new Error(unplaced.join('; ') || error.message), title);
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    if (!(part in (node as Record<string, unknown>))) return path.startsWith('customFields.') && part !== 'customFields';
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
