// Builds the React renderer into dist/renderer. The main process and preload are compiled by tsc
// (see electron/tsconfig.json) because they are plain Node code with no bundling needs.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
  },
});
