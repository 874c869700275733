// Entry point for dist/markdown.js: build.py bundles markdown-it (and its
// dependencies) into one minified ES module with esbuild.
//   import markdownit from "./markdown.js";   or   import { markdownit } from "./markdown.js";
import markdownit from "markdown-it";

export default markdownit;
export { markdownit };
