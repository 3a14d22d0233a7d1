// The OpenAPI 3.1 document of the aulm API, generated from the contract's zod schemas (schemas.ts) and the
// table of routes (routes.ts). `npm run openapi` writes docs/openapi.json; the tests import
// `buildOpenApiDocument` to check the file is up to date. Nothing in `src/` imports this.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { operationOf } from './operations.js';
import { errorResponses, HEADERS, PARAMETERS } from './responses.js';
import { ROUTES } from './routes.js';
import { COMPONENTS, componentSchemas, type JsonObject, type Schema } from './schemas.js';
import { webhooksOf } from './webhooks.js';

export type { JsonObject, JsonValue } from './schemas.js';

/** The regional hosts and the global one, as API.md lists them. */
export const SERVERS = [
  { url: 'https://api.aulm.io', description: 'Global: serves every account.' },
  { url: 'https://eu.api.aulm.io', description: 'Region eu.' },
  { url: 'https://us.api.aulm.io', description: 'Region us.' },
  { url: 'https://ap.api.aulm.io', description: 'Region ap.' },
] as const;

/** Builds the OpenAPI 3.1 document of the whole API from the contract's schemas. */
export function buildOpenApiDocument(): JsonObject {
  const { schemas, queries } = componentSchemas();
  const bodies = Object.fromEntries(COMPONENTS) as Record<string, Schema>;
  const paths: JsonObject = {};
  for (const route of ROUTES) {
    for (const name of [route.response, route.body]) {
      if (name !== undefined && schemas[name] === undefined) throw new Error(`No component ${name}`);
    }
    const item = (paths[route.path] ?? {}) as JsonObject;
    item[route.method] = operationOf(route, schemas, queries, bodies);
    paths[route.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'aulm API',
      version: '1',
      description:
        'Send messages to phone numbers through connected sessions, read back message logs, receive signed webhooks, and act on privacy rights. JSON bodies with snake_case fields; timestamps are UTC ISO 8601 strings. Generated from the zod contract of the aulm SDK (`npm run openapi`).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: SERVERS.map((server) => ({ ...server })),
    security: [{ bearerAuth: [] }],
    tags: ['Account', 'API keys', 'Sessions', 'Messages', 'Logs', 'Webhooks', 'Privacy', 'Support'].map(
      (name) => ({ name }),
    ),
    paths,
    webhooks: webhooksOf(),
    components: {
      schemas,
      responses: errorResponses(),
      parameters: PARAMETERS,
      headers: HEADERS,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'aulm_test_<32 base62> or aulm_live_<32 base62>',
          description:
            'An API key. A missing or unknown key answers 401; a key whose scopes do not cover the route, 403 `missing_scope`.',
        },
      },
    },
  };
}

/** The file `npm run openapi` writes: 2-space JSON, as the repository's formatter (Biome) leaves it. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

function main(): void {
  const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
  // Biome formats JSON (short arrays on one line); its output is what the lint accepts.
  const biome = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));
  const formatted = execFileSync(biome, ['format', `--stdin-file-path=${OPENAPI_FILE}`], {
    input: text,
    encoding: 'utf8',
  });
  writeFileSync(OPENAPI_FILE, formatted);
  console.log(`Wrote ${OPENAPI_FILE}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
