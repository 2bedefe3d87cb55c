import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In `vite` dev mode the API and /config.json come from a running `npm start` stack.
const apiTarget = process.env.BB_API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      treeshake: {
        // chatscope's package.json declares no "sideEffects", so every component it exports (and
        // the Font Awesome icons its buttons use) would be bundled; its modules have none.
        moduleSideEffects: [{ test: /[\\/]@chatscope[\\/]chat-ui-kit-react[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/config.json': apiTarget,
    },
  },
});
