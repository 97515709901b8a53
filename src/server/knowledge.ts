// What the server knows beyond the text: the inventory JSON Schema (hovers, completion) and
// the domain explanations (registry values, CAL compatibility). Both come from the core.
import type { DomainExplainer } from '../core/language/hover';
import type { JsonSchema } from '../core/language/schema-nav';

/** The inventory schema, once it is part of the core (schemas/inventory.schema.json). */
export function inventorySchema(): JsonSchema | undefined {
  return undefined;
}

export const explainDomain: DomainExplainer = () => undefined;
