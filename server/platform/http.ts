// The Fastify instance every domain registers on: zod validation with field-level problem+json
// errors, OpenAPI generation from the same schemas, one error handler, and request typing for the
// authenticated principal.
import Fastify, {
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyCookie from '@fastify/cookie';
import { z, type ZodType } from 'zod';
import { AppError, fromDatabaseError, toProblem, type ErrorCode, type FieldError } from './errors.ts';
import { parseQueryString } from './querystring.ts';
import type { Permission } from './auth/permissions.ts';
import type { Principal } from './auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; every /api/v1 route must declare one or be `public`. */
    permission?: Permission;
    public?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

const CONTEXT_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

function zodIssuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: base ? `${base}.${key}` : key, message: 'is not a known field' });
    } else {
      errors.push({ path: base || '(root)', message: issue.message });
    }
  }
  return errors;
}

export function validationError(issues: z.core.$ZodIssue[], where?: string): AppError {
  const errors = zodIssuesToFieldErrors(issues);
  const summary = errors
    .slice(0, 3)
    .map((e) => `${e.path} ${e.message}`)
    .join('; ');
  return new AppError('validation_failed', `Invalid ${where ?? 'request'}: ${summary}${errors.length > 3 ? '; …' : ''}`, errors);
}

/** Parses `value` with a zod schema or throws a 400 naming each bad field. */
export function parseOrThrow<T extends ZodType>(schema: T, value: unknown, where?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues, where);
  return result.data;
}

export interface HttpOptions {
  logger: FastifyServerOptions['loggerInstance'] | boolean;
  /** Validate every response against its schema (tests); production serializes without re-validating. */
  validateResponses: boolean;
  publicUrl: string;
  trustProxy?: boolean | string;
}

/**
 * One log line per request ("request completed", with method, URL, status and time) instead of
 * Fastify's two: logging was a measurable share of the server's CPU per request in the API benchmark.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

export function createHttpServer(opts: HttpOptions): App {
  const app = Fastify({
    ...(typeof opts.logger === 'boolean' ? { logger: opts.logger } : { loggerInstance: opts.logger }),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseQueryString },
    // on close: finish in-flight requests, drop idle keep-alive sockets (so SIGTERM does not hang)
    forceCloseConnections: 'idle',
    requestIdHeader: 'x-request-id',
    trustProxy: opts.trustProxy ?? false,
    logController: new OneLinePerRequest(),
    return503OnClosing: true,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorateRequest('principal', null);

  // While shutting down, answer in-flight requests with `Connection: close` so their keep-alive
  // sockets do not hold the server open after the last response.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    const result = (schema as ZodType).safeParse(data);
    if (result.success) return { value: result.data };
    const where = CONTEXT_NAMES[httpPart ?? ''] ?? httpPart;
    return { error: validationError(result.error.issues, where) as unknown as Error };
  });

  app.setSerializerCompiler(({ schema, method, url }) => {
    if (!opts.validateResponses) return (data) => JSON.stringify(data);
    return (data) => {
      const result = (schema as ZodType).safeEncode(data);
      if (!result.success) {
        throw new Error(`Response of ${method} ${url} does not match its schema: ${JSON.stringify(result.error.issues)}`);
      }
      return JSON.stringify(result.data);
    };
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    reply
      .code(appError.status)
      .type('application/problem+json')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(toProblem(appError)));
  });

  app.register(fastifyCookie);
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1.0.0',
        description:
          'Marketing and sales on one data model. Authenticate with `Authorization: Bearer <API key>` ' +
          '(create keys in Settings → API keys) or the web session cookie. Lists are cursor-paginated ' +
          '(`limit`, `cursor` → `nextCursor`); errors are RFC 9457 problem+json with a stable `code`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from Settings → API keys' },
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  return app as unknown as App;
}

function toAppError(error: FastifyError | AppError): AppError {
  // our validator's errors are AppErrors too (Fastify passes them through)
  if (error instanceof AppError) return error;
  const fromDb = fromDatabaseError(error);
  if (fromDb) return fromDb;
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', `The request body is not valid JSON: ${fe.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', `The request body is larger than this endpoint accepts (${fe.message}).`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type', `${fe.message}. Send application/json.`);
    default:
      break;
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const byStatus: Record<number, ErrorCode> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };
    const code = byStatus[fe.statusCode] ?? 'validation_failed';
    return new AppError(code, fe.message);
  }
  return new AppError('internal', 'Something went wrong on our side. The error has been logged.');
}
