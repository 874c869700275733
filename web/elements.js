// Builders for leaf elements, one per kind. Each returns {el, update?, read?, formId?}:
// `update(props, before)` patches in place (widgets keep focus and what the user typed);
// without it, an update rebuilds the element. `read()` gives a widget's current value
// (forms send them all on submit).
import { h } from "./dom.js";
import { BUILDERS as TEXT } from "./display/text.js";
import { BUILDERS as STATUS } from "./display/status.js";
import { BUILDERS as BASIC } from "./widgets/basic.js";
import { BUILDERS as CHOICE } from "./widgets/choice.js";
import { BUILDERS as RANGES } from "./widgets/ranges.js";
import { mergeBuilders } from "./builder-maps.js";
import { FAMILY_KINDS, FAMILY_LOADERS } from "./lazy-builders.js";


// A kind this page has no builder for (a newer runtime, a protocol mismatch): said in
// the console, and shown in place of the element.
function unknown(kind) {
  console.error(`wasmlit: unknown element kind "${kind}"`);
  const el = h("div", { class: "wl-unknown" });
  el.textContent = `wasmlit cannot show "${kind}" elements yet.`;
  return { el };
}

// The builders every page carries: what most first runs draw (text, alerts, exceptions and
// spinners, the basic, choice and range widgets). Every other family module is loaded on
// first need (lazy-builders.js, generated from the modules this one does not import):
// AppView.applyChanges waits for what a change list draws (loadBuilders), in order.
/** @type {import("./protocol").SomeElementBuilders} */
export const ELEMENT_BUILDERS = mergeBuilders("element builders", TEXT, STATUS, BASIC, CHOICE, RANGES);

/** @type {Map<string, string>} kind -> the lazily loaded family (its path in FAMILY_LOADERS) drawing it */
const FAMILY_OF = new Map(Object.entries(FAMILY_KINDS).flatMap(([family, kinds]) => kinds.map((kind) => [kind, family])));
/** @type {Map<string, Promise<void>>} family -> its loading (settled once it is loaded or failed;
 * a failed one is forgotten, so that the next change list drawing the family tries again) */
const loading = new Map();
/** @type {Map<string, string>} family -> why it could not be loaded (its elements show it) */
const failed = new Map();

/** Whether elements of `kind` can be drawn now: its builder is here, or there is none to
 * load (an unknown kind, drawn as an error). A family that could not be loaded is not ready:
 * it is loaded again for the next change list that draws it (a network that came back).
 * @param {string} kind */
export function builderReady(kind) {
  return Object.hasOwn(ELEMENT_BUILDERS, kind) || !FAMILY_OF.has(kind);
}

/** Load the families drawing `kinds` (once per page, or again after a failure): settles
 * when each is loaded or has failed (its elements then show why).
 * @param {Iterable<string>} kinds */
export function loadBuilders(kinds) {
  const families = new Set([...kinds].filter((kind) => !builderReady(kind)).map((kind) => FAMILY_OF.get(kind)));
  return Promise.all([...families].map(loadFamily)).then(() => {});
}

// How long a change list waits for a family's chunk (a few KB) before drawing its elements
// as not loaded: a request the network never answers must not hold back every change list
// queued behind it (in-order.js). Should the chunk come later, the elements drawn as not
// loaded meanwhile are drawn again (onLateBuilders), and later change lists have it.
const CHUNK_WAIT_MS = 15000;

/** @param {string} family */
function loadFamily(family) {
  if (!loading.has(family)) {
    let timer = 0;
    const loaded = FAMILY_LOADERS[family]().then(({ BUILDERS }) => {
      clearTimeout(timer);
      // Once: a chunk that came late and the retry after it both land here.
      if (!FAMILY_KINDS[family].every((kind) => Object.hasOwn(ELEMENT_BUILDERS, kind))) {
        Object.assign(ELEMENT_BUILDERS, mergeBuilders("element builders", ELEMENT_BUILDERS, BUILDERS));
      }
      if (failed.delete(family)) for (const listener of lateListeners) listener();
    });
    loaded.catch(() => {});  // reported below (unless it came too late to count)
    /** @type {Promise<never>} */
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${CHUNK_WAIT_MS / 1000} s`)), CHUNK_WAIT_MS);
    });
    loading.set(family, Promise.race([loaded, late]).catch((err) => {
      console.error(`wasmlit: the code for ${family} could not be loaded`, err);
      failed.set(family, err && err.message ? err.message : String(err));
      loading.delete(family);
    }));
  }
  return loading.get(family);
}

/** @type {Set<() => void>} told when a family that had failed has loaded after all */
const lateListeners = new Set();

/** Call `listener` each time the code of a family that could not be loaded comes after
 * all (a late chunk, or a retry): its elements drawn meanwhile (notLoaded) can be drawn
 * again. Returns what stops it. @param {() => void} listener */
export function onLateBuilders(listener) {
  lateListeners.add(listener);
  return () => { lateListeners.delete(listener); };
}

// An element whose family could not be loaded (a chunk missing from the site, offline):
// shown in its place, as an unknown kind is; the rest of the app keeps working. Its api
// says so (notLoaded), so that it is drawn again once the family is there (onLateBuilders).
function notLoaded(kind, why) {
  const el = h("div", { class: "wl-unknown wl-builder-failed", role: "alert" });
  el.textContent = `wasmlit could not load the code that draws "${kind}" elements (${why}).`;
  return { el, notLoaded: true };
}

/**
 * @param {string} kind
 * @param {import("./protocol").Props} props
 * @param {import("./render.js").AppView} view
 * @returns {import("./protocol").ElementApi}
 */
export function buildElement(kind, props, view) {
  const build = Object.hasOwn(ELEMENT_BUILDERS, kind) ? ELEMENT_BUILDERS[kind] : null;
  if (build) return build(props, view);
  const family = FAMILY_OF.get(kind);
  return family !== undefined && failed.has(family) ? notLoaded(kind, failed.get(family)) : unknown(kind);
}

// Rebuild an element that has no in-place update.
export function updateElement(node, props, view) {
  node.api.dispose?.();  // what the old one holds outside its element (a toast, a timer)
  const fresh = buildElement(node.kind, props, view);
  node.api.el.replaceWith(fresh.el);
  if (props.id) view.widgets.set(props.id, fresh);
  node.api = fresh;
}
