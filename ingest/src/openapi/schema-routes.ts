import { sendError } from '@kh02/platform';
import type { FastifyInstance } from 'fastify';
import { publishedSchema, PUBLISHED_SCHEMA_NAMES } from './json-schemas.js';
import { openApiDocument } from './openapi-document.js';

/**
 * The published contracts: GET /v1/schemas (the list), GET /v1/schemas/<name>.json
 * and GET /openapi.json. Public on purpose — a vendor reads them before it has
 * a key; the app's key check only guards writes.
 */
export function registerSchemaRoutes(app: FastifyInstance): void {
  app.get('/v1/schemas', (_request, reply) =>
    reply.send({ schemas: PUBLISHED_SCHEMA_NAMES.map((name) => ({ name, url: `/v1/schemas/${name}.json` })) }),
  );

  app.get<{ Params: { file: string } }>('/v1/schemas/:file', (request, reply) => {
    const file = request.params.file;
    const doc = file.endsWith('.json') ? publishedSchema(file.slice(0, -'.json'.length)) : undefined;
    if (!doc) return sendError(reply, 'NOT_FOUND');
    return reply
      .type('application/schema+json; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(JSON.stringify(doc, null, 2));
  });

  app.get('/openapi.json', (_request, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(openApiDocument()),
  );
}
