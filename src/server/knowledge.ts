// What the server knows beyond the text: the inventory JSON Schema (hovers, completion) and
// the domain explanations (registry values, CAL compatibility). Both come from the core.
import { explainDomain } from '../core/language/domain-hover';
import { INVENTORY_SCHEMA } from '../core/language/inventory-schema';
import type { JsonSchema } from '../core/language/schema-nav';

export function inventorySchema(): JsonSchema {
  return INVENTORY_SCHEMA;
}

export { explainDomain };
