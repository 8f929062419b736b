/** The part of an OpenAPI 3 schema the fuzzer reads. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: Schema;
}

export interface OpenApiDocument {
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          {
            readonly parameters?: readonly Parameter[];
            readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
          }
        >
      >
    >
  >;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** One route of the document, with its body schema resolved. */
export interface Operation {
  readonly method: string;
  /** The template, e.g. /api/v1/actions/{actionId}/progress. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly Parameter[];
  readonly headers: readonly Parameter[];
  readonly body: Schema | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every path and method of the document. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!METHODS.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        headers: parameters.filter((parameter) => parameter.in === 'header'),
        body: bodySchema ? resolve(document, bodySchema) : undefined,
      });
    }
  }
  return operations;
}

/** Follows $ref (local components only), deeply, so generators never see one. */
export function resolve(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 10) return {};
  const target = schema.$ref ? (document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema;
  const properties = target.properties
    ? Object.fromEntries(Object.entries(target.properties).map(([name, property]) => [name, resolve(document, property, depth + 1)]))
    : undefined;
  return {
    ...target,
    ...(properties ? { properties } : {}),
    ...(target.items ? { items: resolve(document, target.items, depth + 1) } : {}),
  };
}
