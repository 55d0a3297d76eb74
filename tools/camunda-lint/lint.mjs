// Camunda's own linter (the one Camunda Modeler runs) over .bpmn files: one line per report
// (file, element id, rule, message); exit 1 when any report is an error, or a warning with --strict.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Linter } from '@camunda/linting';

async function bpmnFiles(path) {
  if (!(await stat(path)).isDirectory()) {
    return [ path ];
  }
  const files = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      files.push(...await bpmnFiles(join(path, entry.name)));
    } else if (entry.isFile() && entry.name.endsWith('.bpmn')) {
      files.push(join(path, entry.name));
    }
  }
  return files;
}

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const paths = args.filter(a => a !== '--strict');
if (!paths.length) {
  console.error('usage: node --import ./loader.mjs lint.mjs [--strict] <file or folder>...');
  process.exit(2);
}

// A file that does not say which engine it targets would get none of the Camunda 8 rules (the linter cannot pick a
// version): lint it as Camunda 8.8, what Trainflow runs, so such a file cannot pass unchecked.
const PLATFORM = 'xmlns:tfModeler="http://camunda.org/schema/modeler/1.0" tfModeler:executionPlatform="Camunda Cloud"'
  + ' tfModeler:executionPlatformVersion="8.8.0"';
function withPlatform(xml) {
  return /executionPlatformVersion=/.test(xml) ? xml : xml.replace(/<((?:\w+:)?definitions)\b/, `<$1 ${PLATFORM}`);
}

const linter = new Linter({ modeler: 'desktop', type: 'cloud' });
let errors = 0, warnings = 0;
for (const path of paths) {
  for (const file of await bpmnFiles(path)) {
    const reports = await linter.lint(withPlatform(await readFile(file, 'utf8')));
    for (const report of reports) {
      report.category === 'error' ? errors++ : warnings++;
      console.log(`${file} [${report.id}]: ${report.category}: ${report.message} (${report.rule})`);
    }
  }
}
console.log(`camunda lint: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors || (strict && warnings) ? 1 : 0);
