/** A JSON schema as the OpenAPI document gives it (the parts a sample needs). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
};

export type IdFor = (propertyName: string) => string | undefined;

/** A small valid value for a schema: required properties only, first enum member, ids of the right kind where the name tells. */
export function sampleOf(schema: JsonSchema | undefined, idFor: IdFor, name = '', depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice.find((option) => option.type !== 'null') ?? choice[0], idFor, name, depth + 1);
  if (schema.allOf) return sampleOf(Object.assign({}, ...schema.allOf) as JsonSchema, idFor, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = sampleOf(schema.properties?.[key], idFor, key, depth + 1);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, idFor, name, depth + 1));
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(low, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, idFor, name);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema, idFor: IdFor, name: string): string {
  if (schema.format === 'uuid') return idFor(name) ?? '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'email') return 'someone@example.org';
  if (schema.format === 'date') return '2026-03-01';
  if (schema.format === 'date-time') return '2026-03-01T10:00:00.000Z';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.org';
  if (schema.pattern) {
    if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(schema.pattern)) return '2026-03-01';
    if (/^\^\[A-Z\]\{2\}\$$/.test(schema.pattern)) return 'KE';
    if (/\^-?\\d|\^\\d/.test(schema.pattern)) return '1000.00';
  }
  if (/country/i.test(name)) return 'KE';
  if (/currency/i.test(name)) return 'EUR';
  if (/date$/i.test(name) || /On$/.test(name)) return '2026-03-01';
  if (/amount|share/i.test(name)) return '1000.00';
  if (/email/i.test(name)) return 'someone@example.org';
  if (/password/i.test(name)) return 'a-long-enough-password-2026';
  const text = `Proof ${name || 'text'}`;
  const minimum = schema.minLength ?? 0;
  const padded = text.length >= minimum ? text : text.padEnd(minimum, 'x');
  return schema.maxLength !== undefined ? padded.slice(0, schema.maxLength) : padded;
}
