// Builds the front-end modules of src/main/frontend into target/classes/static/assets: file names carry a hash of
// their content (served with "Cache-Control: immutable" for a year), modules shared between entries and the heavy
// libraries (MapLibre, ECharts) become chunks loaded only by the tab that imports them, and every text file is also
// written pre-compressed (.br, .gz) so the server sends the smallest one the browser accepts without compressing
// per request. manifest.json maps entry names to hashed files for the templates (fr.mel.opale.web.assets.Assets).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';

const OUT = 'target/classes/static';

function precompressed() {
  return {
    name: 'opale-precompressed',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|mjs|css|json|svg)$/.test(file)) continue;
        const path = join(options.dir, file);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: file.endsWith(".json") ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'src/main/frontend',
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: `../../../${OUT}`,
    emptyOutDir: false,
    assetsDir: 'assets',
    manifest: 'assets/manifest.json',
    target: 'es2022',
    // world-atlas' countries must stay a file of their own (fetched on the map tab), never inlined
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1800,
    rollupOptions: {
      input: {
        fiche: 'src/main/frontend/fiche.js',
        // the OGC API pages' map previews (MapLibre shared with the dataset page's map tab)
        apercu: 'src/main/frontend/apercu.js',
        console: 'src/main/frontend/console.js',
        // every page's stylesheet and header menu, the catalogue's search (htmx inside), the import pages
        site: 'src/main/frontend/site.css',
        menu: 'src/main/frontend/menu.js',
        catalogue: 'src/main/frontend/catalogue.js',
        import: 'src/main/frontend/import.js',
        // passkeys: Mon compte (add) and /connexion (sign in)
        cles: 'src/main/frontend/cles.js',
      },
    },
  },
  plugins: [precompressed()],
  test: {
    root: '.',
    include: ['src/test/frontend/**/*.test.js'],
  },
});
