import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Finding } from '../../src/core/findings';
import { FORMATTERS, type LintReport } from '../../src/cli/format';
import { escapeData, escapeProperty } from '../../src/cli/format/github';
import { useColor } from '../../src/cli/color';

function finding(file: string, ruleId: string, severity: Finding['severity'], message: string, line: number, character: number, endCharacter: number): Finding {
  return { file, ruleId, severity, message, range: { start: { line, character }, end: { line, character: endCharacter } } };
}

const REPORT: LintReport = {
  files: ['sites/a.rdslic.yaml', 'sites/b & <c>.rdslic.yaml', 'sites/clean.rdslic.yaml'],
  findings: [
    finding('sites/a.rdslic.yaml', 'RDS101', 'error', 'License Server ID "12345" is not 35 characters, use the ID shown in RD Licensing Manager.', 4, 10, 17),
    finding('sites/a.rdslic.yaml', 'RDS402', 'warning', 'Licensing mode is not configured: set perUser or perDevice.', 12, 4, 20),
    finding('sites/b & <c>.rdslic.yaml', 'RDS301', 'info', 'Weird: 100% "quoted" <tag> & a, b: c\nsecond line', 0, 0, 3),
  ],
  rules: [
    { id: 'RDS101', defaultSeverity: 'error', title: 'License Server ID format', description: 'A License Server ID has 35 characters in 7 groups of 5.' },
    { id: 'RDS402', defaultSeverity: 'warning', title: 'Licensing mode not configured', description: 'Session hosts need a licensing mode.' },
  ],
};
const PLAIN = { color: false };

test('json: exactly one array of flat findings, 1-based positions, nothing else', () => {
  const out = FORMATTERS.json(REPORT, PLAIN);
  const parsed = JSON.parse(out);
  assert.ok(Array.isArray(parsed));
  assert.deepEqual(parsed[0], {
    file: 'sites/a.rdslic.yaml',
    ruleId: 'RDS101',
    severity: 'error',
    message: 'License Server ID "12345" is not 35 characters, use the ID shown in RD Licensing Manager.',
    line: 5,
    column: 11,
    endLine: 5,
    endColumn: 18,
  });
  assert.deepEqual(Object.keys(parsed[2]), ['file', 'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
  assert.equal(parsed[2].severity, 'info');
  assert.deepEqual(JSON.parse(FORMATTERS.json({ ...REPORT, findings: [] }, PLAIN)), []);
});

test('github: one workflow command per finding with escaped properties and message', () => {
  const lines = FORMATTERS.github(REPORT, PLAIN).trimEnd().split('\n');
  assert.equal(lines.length, 3);
  assert.equal(
    lines[0],
    '::error file=sites/a.rdslic.yaml,line=5,col=11,endLine=5,endColumn=18,title=RDS101::License Server ID "12345" is not 35 characters, use the ID shown in RD Licensing Manager.',
  );
  assert.match(lines[1], /^::warning /);
  assert.equal(lines[2], '::notice file=sites/b & <c>.rdslic.yaml,line=1,col=1,endLine=1,endColumn=4,title=RDS301::Weird: 100%25 "quoted" <tag> & a, b: c%0Asecond line');
  assert.equal(escapeProperty('a,b:c%d\r\ne'), 'a%2Cb%3Ac%25d%0D%0Ae');
  assert.equal(escapeData('a,b:c%d\r\ne'), 'a,b:c%25d%0D%0Ae');
});

test('junit: well-formed XML, one testsuite per file, one testcase per finding or per clean file', () => {
  const xml = FORMATTERS.junit(REPORT, PLAIN);
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
  const suites = doc.testsuites.testsuite;
  assert.deepEqual(
    suites.map((s: { name: string }) => s.name),
    ['sites/a.rdslic.yaml', 'sites/b & <c>.rdslic.yaml', 'sites/clean.rdslic.yaml'],
  );
  assert.deepEqual(
    suites.map((s: { testcase: unknown[] }) => s.testcase.length),
    [2, 1, 1],
  );
  assert.equal(suites[0].failures, '2');
  assert.equal(suites[2].failures, '0');
  assert.equal(suites[2].testcase[0].failure, undefined);
  assert.equal(suites[1].testcase[0].failure.message, 'Weird: 100% "quoted" <tag> & a, b: c\nsecond line');
  assert.equal(doc.testsuites.tests, '4');
  assert.equal(doc.testsuites.failures, '3');
  // Control characters XML cannot carry are dropped, not written raw.
  const bad = FORMATTERS.junit({ ...REPORT, findings: [finding('x', 'RDS1', 'error', 'bell\u0007 nul\u0000 end', 0, 0, 1)] }, PLAIN);
  assert.equal(XMLValidator.validate(bad), true);
});

test('stylish: header per file, aligned line:col severity message rule, summary', () => {
  const out = FORMATTERS.stylish(REPORT, PLAIN);
  const lines = out.split('\n');
  assert.equal(lines[1], 'sites/a.rdslic.yaml');
  assert.match(lines[2], /^ {2}5:11 {2}error {4}License Server ID .* {2}RDS101$/);
  assert.match(lines[3], /^ {2}13:5 {2}warning {2}Licensing mode is not configured: set perUser or perDevice\. +RDS402$/);
  // Message and rule columns line up.
  assert.equal(lines[2].indexOf('RDS101'), lines[3].indexOf('RDS402'));
  assert.ok(out.includes('Weird: 100% "quoted" <tag> & a, b: c second line'));
  assert.ok(out.includes('\u2716 3 problems (1 error, 1 warning, 1 info)'));
  assert.ok(!out.includes('\u001b['), 'no colour codes when colour is off');
  assert.ok(FORMATTERS.stylish(REPORT, { color: true }).includes('\u001b[31merror\u001b[39m'));
  assert.equal(FORMATTERS.stylish({ ...REPORT, findings: [] }, PLAIN), '');
});

test('colour: on a TTY only, NO_COLOR turns it off, FORCE_COLOR decides first', () => {
  assert.equal(useColor({ isTTY: true }, {}), true);
  assert.equal(useColor({ isTTY: false }, {}), false);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColor({ isTTY: false }, { FORCE_COLOR: '1' }), true);
  assert.equal(useColor({ isTTY: true }, { FORCE_COLOR: '0' }), false);
  assert.equal(useColor({ isTTY: true }, { TERM: 'dumb' }), false);
});
