// The web client is typed from web/src/api/schema.d.ts; if a server schema changes without
// `npm run openapi`, the web app would compile against a stale API. This keeps them in step.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, OPENAPI_JSON, SCHEMA_TS } from './write-openapi.ts';

describe('generated API description', () => {
  it('is up to date with the server (run `npm run openapi` if this fails)', async () => {
    const { json, types } = await generateOpenApi();
    expect(fs.readFileSync(OPENAPI_JSON, 'utf8') === json, 'web/src/api/openapi.json is stale').toBe(true);
    expect(fs.readFileSync(SCHEMA_TS, 'utf8') === types, 'web/src/api/schema.d.ts is stale').toBe(true);
  });
});
