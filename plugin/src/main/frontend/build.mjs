// Bundles the web inbox into the jar's static/ folder (target/classes/static): no CDN at run time, works offline.
// Usage: node build.mjs [outputDir]  (the Maven build passes ${project.build.outputDirectory})
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const classes = resolve(process.argv[2] ?? '../../../target/classes');
const out = join(classes, 'static');
rmSync(join(out, 'assets'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: ['src/inbox.js', 'src/task.js', 'src/requests.js', 'src/request.js', 'src/lti.js', 'src/app.css', 'src/detail.css'],
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
// every page is the same shell around its own script; the sign-in page is rendered by the server (web/login.html)
const shell = readFileSync('pages/shell.html', 'utf8');
for (const [page, title, detail] of [['inbox', 'Inbox', false], ['requests', 'My requests', false], ['task', 'Task', true],
  ['request', 'Request', true]]) {
  const styles = detail ? '<link rel="stylesheet" href="/assets/detail.css">' : '';
  writeFileSync(join(out, `${page}.html`), shell.replaceAll('{{page}}', page).replace('{{title}}', title).replace('{{styles}}', styles));
}
mkdirSync(join(classes, 'web'), { recursive: true });
cpSync('pages/login.html', join(classes, 'web', 'login.html'));
// the page embedded in Moodle: rendered by the server with the launch's token (LtiPages)
cpSync('pages/lti.html', join(classes, 'web', 'lti.html'));
cpSync('i18n', join(out, 'i18n'), { recursive: true });
console.log('web inbox built into ' + out);
