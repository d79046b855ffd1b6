import { defineConfig } from "vite";

// The built files are served by `fmsledger serve --web-root web/dist`; in development,
// `npx vite` forwards /api to a server started on port 18090.
export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:18090" } },
});
