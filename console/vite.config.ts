import { defineConfig } from 'vite';

// Built into target/classes/console: the jar's resources, served by the gateway's FileService at
// /console/. Hashed file names under assets/ are cached for a year; index.html is revalidated.
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/classes/console',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` against a running product: OPS_URL=http://127.0.0.1:8080 npm run dev
    proxy: { '/ops': process.env.OPS_URL ?? 'http://127.0.0.1:8080' },
  },
});
