import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The window is plain static files: served by the app's own scheme in Electron and by the harness.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // No inline scripts or styles: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
  },
});
