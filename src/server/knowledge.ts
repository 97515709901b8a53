// What the server knows beyond the text: the inventory and config JSON Schemas (hovers,
// completion), the domain explanations (registry values, CAL compatibility) and the rule
// table's ids and titles for config files. All of it comes from the core.
import { configKeySuggestions, explainConfig } from '../core/language/config-file';
import { CONFIG_SCHEMA } from '../core/language/config-schema';
import { explainDomain } from '../core/language/domain-hover';
import { INVENTORY_SCHEMA } from '../core/language/inventory-schema';
import type { JsonSchema } from '../core/language/schema-nav';

export function inventorySchema(): JsonSchema {
  return INVENTORY_SCHEMA;
}

export function configSchema(): JsonSchema {
  return CONFIG_SCHEMA;
}

export { configKeySuggestions, explainConfig, explainDomain };
