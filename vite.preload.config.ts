// Bundles the preload into dist/electron/preload.cjs (replacing tsc's copy of it). A sandboxed
// preload cannot load local files, only `electron`, so the contract and the bridge it imports
// must be inlined. Run after `tsc -p electron/tsconfig.json` by `npm run build:electron`.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/electron',
    emptyOutDir: false,
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'electron/preload.cts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
