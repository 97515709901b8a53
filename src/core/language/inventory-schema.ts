// The inventory JSON Schema as the language features read it (titles, descriptions,
// enumDescriptions): the same file the schema rules validate against.
import schema from '../../../schemas/inventory.schema.json';
import type { JsonSchema } from './schema-nav';

export const INVENTORY_SCHEMA: JsonSchema = schema as JsonSchema;
