// The floor rdslic lint is measured against: the least any YAML+JSON-Schema checker must do.
// Parse with `yaml` keeping positions (LineCounter), validate with ajv against our schema.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseDocument, LineCounter } = require('yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const schema = require(path.join(__dirname, '..', 'schemas', 'inventory.schema.json'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let errors = 0;
for (const file of process.argv.slice(2)) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  errors += doc.errors.length;
  if (!validate(doc.toJS())) errors += validate.errors.length;
}
process.stdout.write(`${errors}\n`);
