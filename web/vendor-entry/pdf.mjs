// Entry point for dist/pdf.js: build.py bundles pdf.js's display layer (pdfjs-dist) into
// one minified ES module with esbuild, and copies its worker (pdf.worker.min.mjs), its
// standard fonts, CMaps and image decoders beside it under dist/pdfjs/, so PDFs open
// offline. web/display/pdf.js imports it the first time a page shows st.pdf.
//   import { getDocument, GlobalWorkerOptions } from "./pdf.js";
export { getDocument, GlobalWorkerOptions } from "pdfjs-dist";
