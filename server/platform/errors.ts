// One error type for the whole server. Codes are stable strings clients can branch on; the HTTP status
// comes from one table. Responses use RFC 9457 problem+json with our `code` and per-field `errors`.
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  unknown_field: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  onboarding_closed: 409,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  data_dir_busy: 503,
  not_ready: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[];
  /** Extra members of the problem document (RFC 9457 extensions), e.g. a merged contact's `mergedIntoId`. */
  readonly extensions: Record<string, unknown> = {};

  constructor(code: ErrorCode, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.errors = errors;
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError('not_found', id ? `${what} ${id} was not found.` : `${what} was not found.`);
  }

  /** A single invalid field, e.g. `AppError.invalid('email', 'is already used by another contact')`. */
  static invalid(path: string, message: string, code: ErrorCode = 'validation_failed'): AppError {
    return new AppError(code, `${path}: ${message}`, [{ path, message }]);
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
}

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toProblem(err: AppError): Problem {
  return {
    ...err.extensions,
    type: `https://tandem.dev/errors/${err.code}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(err.errors.length ? { errors: err.errors } : {}),
  };
}

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

/**
 * Last line of defence: constraint violations that explicit checks did not catch (a race between two
 * requests, mostly) become 4xx errors instead of 500s. Constraint names follow `<table>_<column>`.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = err as PgError;
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  const field = constraintField(e.constraint) ?? e.column ?? '(record)';
  switch (e.code) {
    case '23505':
      return AppError.invalid(field, 'is already used by another record', 'already_exists');
    case '23503':
      return AppError.invalid(field, 'refers to a record that does not exist');
    case '23514':
    case '23502':
      return AppError.invalid(field, 'has a value that is not allowed');
    case '22001':
      return AppError.invalid(field, 'is too long');
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return AppError.invalid(field, 'has a value of the wrong type or out of range');
    case '40001':
    case '40P01':
      return new AppError('conflict', 'The request conflicted with a concurrent change; retry it.');
    default:
      return undefined;
  }
}

const CONSTRAINT_FIELDS: Record<string, string> = {
  contacts_email: 'email',
  accounts_domain: 'domain',
  contacts_workspace_id_account_id_fkey: 'accountId',
  contacts_workspace_id_owner_id_fkey: 'ownerId',
  accounts_workspace_id_owner_id_fkey: 'ownerId',
  notes_workspace_id_contact_id_fkey: 'contactId',
  notes_workspace_id_account_id_fkey: 'accountId',
  custom_field_definitions_workspace_id_object_type_key_key: 'key',
  invitations_open_email: 'email',
  users_email_key: 'email',
  campaigns_name_key: 'utmCampaign',
};

function constraintField(constraint: string | undefined): string | undefined {
  return constraint ? CONSTRAINT_FIELDS[constraint] : undefined;
}
