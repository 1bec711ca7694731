import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is static files the Toombos server serves from web/dist (src/http/routes/dashboard.ts).
// Assets carry content hashes so the server can cache them forever; index.html is never cached.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: true,
    // .vite/manifest.json: the chunk graph `npm run bench` walks to weigh the first load.
    manifest: true,
  },
  server: {
    // `npm run web:dev`: the dashboard with hot reload, talking to a `toombos start` on :8080.
    proxy: {
      '/v1': { target: 'http://localhost:8080', ws: true },
      '/health': 'http://localhost:8080',
    },
  },
});
