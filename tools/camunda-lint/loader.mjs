// @camunda/linting ships ES modules for bundlers (no "type": "module", extensionless and JSON imports).
// These hooks let Node load it as Camunda Modeler's bundler would, without changing the package.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
