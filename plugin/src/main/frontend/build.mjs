// Bundles the web inbox into the jar's static/ folder (target/classes/static): no CDN at run time, works offline.
// Usage: node build.mjs [outputDir]  (the Maven build passes ${project.build.outputDirectory})
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const classes = resolve(process.argv[2] ?? '../../../target/classes');
const out = join(classes, 'static');
rmSync(join(out, 'assets'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ['src/inbox.js', 'src/task.js', 'src/requests.js', 'src/request.js', 'src/app.css', 'src/detail.css'],
  outdir: join(out, 'assets'),
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['es2022'],
  legalComments: 'linked',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'warning',
});
cpSync('pages', out, { recursive: true, filter: (f) => !f.endsWith('login.html') });
mkdirSync(join(classes, 'web'), { recursive: true });
cpSync('pages/login.html', join(classes, 'web', 'login.html'));
cpSync('i18n', join(out, 'i18n'), { recursive: true });
console.log('web inbox built into ' + out);
