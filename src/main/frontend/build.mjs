// Bundles every page under src/pages/<name>/ (main.js + index.html) into <outdir>/<name>/.
// Maven runs it in generate-resources with --outdir=target/classes/static/app, so the application serves
// /app/<name>/index.html; a controller maps the page's public path (e.g. /supervision) to it.
// A new page (the applicant portal, say) is one more folder: src/pages/portal/{index.html,main.js}.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = resolve(arg ? arg.slice('--outdir='.length) : join(here, '../../../target/classes/static/app'));
const pagesDir = join(here, 'src/pages');
const pages = readdirSync(pagesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(pagesDir, d.name, 'main.js')))
  .map((d) => d.name);

for (const page of pages) {
  const target = join(outdir, page);
  mkdirSync(target, { recursive: true });
  await build({
    entryPoints: [join(pagesDir, page, 'main.js')],
    bundle: true,
    format: 'esm',
    target: ['es2020'],
    minify: true,
    sourcemap: true,
    outdir: target,
    entryNames: 'main',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  cpSync(join(pagesDir, page, 'index.html'), join(target, 'index.html'));
  console.log(`page ${page} -> ${target}`);
}
