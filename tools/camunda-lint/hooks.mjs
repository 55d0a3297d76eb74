import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LINTING = '/node_modules/@camunda/linting/';

export async function resolve(specifier, context, next) {
  if (specifier === 'bpmnlint-plugin-camunda-compat' && context.parentURL?.includes(LINTING)) {
    return next(new URL('./compat-plugin.mjs', import.meta.url).href, context);
  }
  try {
    return await next(specifier, context);
  } catch (error) {
    // an extensionless import inside @camunda/linting (relative, or a deep path into a package): a bundler adds ".js"
    if (context.parentURL?.includes(LINTING) && !specifier.endsWith('.js')) {
      if (specifier.startsWith('.')) {
        for (const suffix of [ '.js', '/index.js' ]) {
          const url = new URL(specifier + suffix, context.parentURL);
          if (existsSync(fileURLToPath(url))) {
            return next(url.href, context);
          }
        }
      } else {
        try {
          return await next(specifier + '.js', context);
        } catch (notAFile) {
          return next(specifier + '/index.js', context);
        }
      }
    }
    throw error;
  }
}

export async function load(url, context, next) {
  if (url.endsWith('.json')) {
    return { format: 'json', source: await readFile(fileURLToPath(url), 'utf8'), shortCircuit: true };
  }
  if (url.includes(LINTING) && url.endsWith('.js')) {
    return { format: 'module', source: await readFile(fileURLToPath(url), 'utf8'), shortCircuit: true };
  }
  return next(url, context);
}
