import type { JsonSchema } from './schemaArbitrary.js';

/** One route of the OpenAPI document, with the schemas of what a client may send. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With {name} placeholders, as in the document. */
  path: string;
  pathParams: { name: string; schema?: JsonSchema }[];
  queryParams: { name: string; schema?: JsonSchema }[];
  body?: JsonSchema;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document (HEAD and OPTIONS carry no input worth fuzzing). */
export function openApiOperations(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      out.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
        queryParams: params.filter((p) => p.in === 'query').map(({ name, schema }) => ({ name, schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}
