import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { TestResponse } from '../support/test-app.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/* eslint-disable @typescript-eslint/no-explicit-any -- an OpenAPI document is walked as plain JSON */
export type Json = any;

export interface Operation {
  method: string;
  path: string;
  operation: Json;
}

/** Every operation of a document, with its method and path template. */
export function operationsOf(document: Json): Operation[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] })),
  );
}

/**
 * The served document with every `$ref` resolved, and JSON Schema validators for its schemas.
 * The validators refuse properties a schema does not declare, so that a field the service sends
 * but the document leaves out (or names differently) is caught, not waved through.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<object, ValidateFunction>();

  private constructor(readonly document: Json) {
    this.ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    this.ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    this.ajv.addFormat(
      'date-time',
      (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)),
    );
    this.ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  }

  static async load(document: Json): Promise<OpenApiContract> {
    const dereferenced: Json = await SwaggerParser.dereference(structuredClone(document));
    closeObjects(dereferenced.components ?? {}, new Set());
    closeObjects(dereferenced.paths ?? {}, new Set());
    return new OpenApiContract(dereferenced);
  }

  operation(method: string, path: string): Json {
    return this.document.paths[path]?.[method.toLowerCase()];
  }

  /** What is wrong with a value against a schema, one line per problem; empty when it conforms. */
  problems(schema: Json, value: unknown): string[] {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    return validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }

  /**
   * What is wrong with an answer against the operation's documented responses: an undocumented
   * status, a media type or body the document does not describe, a documented header missing.
   */
  answerProblems(method: string, path: string, answer: TestResponse): string[] {
    const where = `${method.toUpperCase()} ${path} → ${answer.status}`;
    const operation = this.operation(method, path);
    if (!operation) return [`${where}: no such operation in the document`];
    const response = operation.responses[String(answer.status)];
    if (!response) return [`${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`];
    const problems = Object.keys(response.headers ?? {})
      .filter((name) => name !== 'Retry-After' && !answer.headers.has(name))
      .map((name) => `${where}: header ${name} missing`);
    if (!answer.text) return problems;
    const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0].trim();
    const content = response.content?.[mediaType];
    if (!content) return [...problems, `${where}: media type ${mediaType} not documented`];
    if (!mediaType.endsWith('json')) return problems;
    return [...problems, ...this.problems(content.schema, answer.body).map((problem) => `${where}: ${problem}`)];
  }
}

/** Adds `additionalProperties: false` to every object schema that lists its properties and says nothing else. */
function closeObjects(node: Json, seen: Set<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (node.properties && typeof node.properties === 'object' && node.additionalProperties === undefined) {
    node.additionalProperties = false;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'example' && key !== 'examples') closeObjects(value, seen);
  }
}
