// Errors from the API arrive as RFC 9457 problem+json; ApiError keeps them whole so forms can place
// `errors[].path` messages next to the right field and everything else can show `detail`.
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  static from(status: number, body: Partial<Problem> | string | undefined): ApiError {
    if (body && typeof body === 'object' && (body.detail || body.title)) {
      return new ApiError({ type: 'about:blank', title: '', code: 'error', detail: '', ...body, status: body.status ?? status });
    }
    const detail = typeof body === 'string' && body.trim() ? body.slice(0, 300) : `The server answered ${status}.`;
    return new ApiError({ type: 'about:blank', title: 'Request failed', status, code: 'http_error', detail });
  }

  get fieldErrors(): Array<{ path: string; message: string }> {
    return this.problem.errors ?? [];
  }
}

/** A sentence for a notification: the API's detail, or the message of any other error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail || error.problem.title;
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
