// Prism core, kept off the page's globals: prism-core assigns window.Prism, so the page's
// own Prism (or none) is put back right after it loads. Prism's language components refer
// to a free `Prism`; build.py bundles with esbuild's --inject:prism-inject.mjs, which binds
// that name to this module's export. Manual mode: Prism never highlights the page on its
// own, only the code we hand it.
import { restoreHostPrism } from "./prism-host.mjs";
import Prism from "prismjs";

Prism.manual = true;
restoreHostPrism();

export default Prism;
