import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Finding } from '../../src/core/findings';
import { FORMATTERS, type LintReport } from '../../src/cli/format';

const ROOT = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function finding(file: string, ruleId: string, severity: Finding['severity'], line: number, character: number, endLine: number, endCharacter: number): Finding {
  return { file, ruleId, severity, message: `${ruleId} message`, range: { start: { line, character }, end: { line: endLine, character: endCharacter } } };
}

const REPORT: LintReport = {
  files: ['sites/paris.rdslic.yaml', 'sites/with space/é.rdslic.yaml'],
  findings: [
    finding('sites/paris.rdslic.yaml', 'RDS101', 'error', 4, 10, 4, 17),
    finding('sites/paris.rdslic.yaml', 'RDS402', 'warning', 12, 0, 14, 3),
    finding('sites/with space/é.rdslic.yaml', 'YAML001', 'error', 0, 0, 0, 0),
    finding('sites/with space/é.rdslic.yaml', 'RDS501', 'info', 2, 2, 2, 27),
  ],
  rules: [
    { id: 'RDS101', defaultSeverity: 'error', title: 'License Server ID format', description: 'A License Server ID has 35 characters.' },
    { id: 'RDS402', defaultSeverity: 'warning', title: 'Licensing mode not configured', description: 'Set perUser or perDevice.' },
    { id: 'RDS501', defaultSeverity: 'error', title: 'Product key in clear', description: 'Do not commit product keys.' },
  ],
};

function sarif(report: LintReport) {
  return JSON.parse(FORMATTERS.sarif(report, { color: false }));
}

test('sarif: valid against the official SARIF 2.1.0 schema, with and without results', () => {
  for (const report of [REPORT, { ...REPORT, findings: [] }, { ...REPORT, rules: [], findings: [] }]) {
    const log = sarif(report);
    assert.equal(validateSarif(log), true, JSON.stringify(validateSarif.errors, null, 2));
  }
  // The check has teeth: a level SARIF does not know is refused.
  const broken = sarif(REPORT);
  broken.runs[0].results[0].level = 'info';
  assert.equal(validateSarif(broken), false);
});

test('sarif: tool driver describes every rule with help, description and default level', () => {
  const driver = sarif(REPORT).runs[0].tool.driver;
  assert.equal(driver.name, 'rdslic');
  assert.equal(driver.version, require(path.join(ROOT, 'package.json')).version);
  assert.match(driver.informationUri, /^https:\/\//);
  const rds101 = driver.rules.find((r: { id: string }) => r.id === 'RDS101');
  assert.equal(rds101.shortDescription.text, 'License Server ID format');
  assert.equal(rds101.fullDescription.text, 'A License Server ID has 35 characters.');
  assert.match(rds101.helpUri, /\/docs\/rules\.md#rds101$/);
  assert.equal(rds101.defaultConfiguration.level, 'error');
  // A finding whose rule is not in the table (YAML syntax) still gets a descriptor.
  assert.ok(driver.rules.some((r: { id: string }) => r.id === 'YAML001'));
});

test('sarif: results point at their rule, level, relative %SRCROOT% uri and 1-based region', () => {
  const run = sarif(REPORT).runs[0];
  assert.equal(run.results.length, 4);
  for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  const [first, second, , info] = run.results;
  assert.equal(first.level, 'error');
  assert.equal(second.level, 'warning');
  assert.equal(info.level, 'note');
  assert.equal(first.message.text, 'RDS101 message');
  const location = first.locations[0].physicalLocation;
  assert.deepEqual(location.artifactLocation, { uri: 'sites/paris.rdslic.yaml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(location.region, { startLine: 5, startColumn: 11, endLine: 5, endColumn: 18 });
  assert.deepEqual(second.locations[0].physicalLocation.region, { startLine: 13, startColumn: 1, endLine: 15, endColumn: 4 });
  assert.equal(info.locations[0].physicalLocation.artifactLocation.uri, 'sites/with%20space/%C3%A9.rdslic.yaml');
});
