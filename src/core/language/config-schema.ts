// The `.rdslic.yaml` JSON Schema as the language features read it (titles, descriptions,
// enumDescriptions): the same file parseConfig validates against.
import schema from '../../../schemas/config.schema.json';
import type { JsonSchema } from './schema-nav';

export const CONFIG_SCHEMA: JsonSchema = schema as JsonSchema;
