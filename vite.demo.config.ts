// Bundles the fake Spotify into dist/demo/demo-spotify.js for demo mode (`--demo`), which runs it
// in-process. It is a product feature (the first-run screen's demo button), so unlike the rest of
// test/ it ships in the packaged app: one self-contained ESM file with only Node built-ins
// external, no tests, no source maps. Run by `npm run build:electron`.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/demo',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    ssr: 'demo/fake-spotify/index.ts',
    rolldownOptions: {
      output: { entryFileNames: 'demo-spotify.js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
