// What the build tells the page about its site, set before anything else runs (web/wasmlit.js
// imports this module first). It lives in the page's entry module, never in a chunk shared
// with lazily loaded code (dist.py splits the bundle): hashed_names.py writes the site's
// {plain name: hashed name} map over the placeholder in the entry file and then names that
// file by its content, while a chunk keeps the name esbuild gave it from its content.
// The site's folder is the entry's: assets.js may sit in a chunk, under chunks/.
import { useSite } from "./assets.js";

const BUILT_NAMES = "__WASMLIT_ASSET_NAMES__";
useSite(import.meta.url, BUILT_NAMES.startsWith("{") ? JSON.parse(BUILT_NAMES) : {});
