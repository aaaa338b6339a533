import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Dev: the API runs separately on port 3000; production: the server serves dist/ itself. */
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
