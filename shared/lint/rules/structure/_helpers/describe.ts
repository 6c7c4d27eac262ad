/** Words for schema types and YAML values in structure messages, and the JSON/Go names decode errors use. */
import { type FieldSchema, shortTypeName } from '../../../../k8s/schema';
import type { Got } from './walk';

/** What the field expects, for a person: `an integer`, `a list of Container`, `a map of string`. */
export function expected(field: FieldSchema): string {
  switch (field.kind) {
    case 'string':
      return 'a string';
    case 'time':
      return 'a timestamp string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'quantity':
      return 'a quantity (such as 500m, 1, 128Mi)';
    case 'int-or-string':
      return 'an integer or a string';
    case 'object':
      return `a map (${shortTypeName(field.type ?? 'object')})`;
    case 'array':
      return field.items?.type ? `a list of ${shortTypeName(field.items.type)}` : 'a list';
    case 'map':
      return 'a map of key: value pairs';
    case 'any':
      return 'any value';
  }
}

/** What the YAML holds, for a person: `the string "80"`, `the number 8080`, `a list`. */
export function described(got: Got): string {
  switch (got.type) {
    case 'map':
      return 'a map';
    case 'list':
      return 'a list';
    case 'null':
      return 'null';
    case 'bool':
      return `the boolean ${got.value}`;
    case 'int':
    case 'float':
      return `the number ${got.value}`;
    case 'string':
      return `the string ${JSON.stringify(got.value)}`;
  }
}

/** JSON kind of a value as encoding/json names it in "cannot unmarshal <kind>". */
export function jsonKind(got: Got): string {
  switch (got.type) {
    case 'map':
      return 'object';
    case 'list':
      return 'array';
    case 'bool':
      return 'bool';
    case 'int':
    case 'float':
      return 'number';
    default:
      return got.type;
  }
}

/** The Go type a field decodes into, as encoding/json prints it. */
export function goType(field: FieldSchema): string {
  switch (field.kind) {
    case 'string':
      return 'string';
    case 'integer':
      return field.format ?? 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${field.items ? goType(field.items) : 'interface {}'}`;
    case 'map':
      return `map[string]${field.values ? goType(field.values) : 'interface {}'}`;
    default:
      return field.type ? `v1.${shortTypeName(field.type)}` : 'interface {}';
  }
}
