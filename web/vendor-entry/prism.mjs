// Prism core made global first: Prism's language components (imported after this
// module by markdown.mjs) extend the global `Prism`. Manual mode: Prism never
// highlights the page on its own, only the code we hand it.
import Prism from "prismjs";

Prism.manual = true;
globalThis.Prism = Prism;

export default Prism;
