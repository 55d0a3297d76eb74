// The CommonJS rule plugin as a bundler hands it to @camunda/linting: its exports, including `configs`.
import { createRequire } from 'node:module';

const plugin = createRequire(import.meta.url)('bpmnlint-plugin-camunda-compat');

export const configs = plugin.configs;
export const rules = plugin.rules;
export default plugin;
