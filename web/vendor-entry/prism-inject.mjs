// esbuild --inject: every free reference to `Prism` in the bundle (Prism's language
// components) means this export, not a page global.
import PrismCore from "./prism.mjs";

export { PrismCore as Prism };
