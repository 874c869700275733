// Components (streamlit.components.v1): components.html / components.iframe as Streamlit's
// stIFrame, and custom components as stCustomComponentV1: the component's frontend in an
// iframe that speaks Streamlit's component protocol (the npm package
// streamlit-component-lib): the frontend says `streamlit:componentReady`, the page answers
// with `streamlit:render` (args, DataFrame args as Arrow IPC tables, disabled, theme) and
// again whenever they change; the frontend sends `streamlit:setComponentValue` (the widget's
// value: JSON, bytes or an Arrow table) and `streamlit:setFrameHeight`.
import { h, isolatedFrameAttrs, keyClass } from "../dom.js";
import { BASE } from "../assets.js";

// Streamlit's iframe policies (its IFrameUtil), on both kinds of iframe.
const SANDBOX = "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox " +
  "allow-same-origin allow-scripts allow-downloads";
const ALLOW = "accelerometer; ambient-light-sensor; autoplay; battery; camera; clipboard-write; " +
  "document-domain; encrypted-media; fullscreen; geolocation; gyroscope; layout-animations; " +
  "legacy-image-formats; magnetometer; microphone; midi; oversized-images; payment; " +
  "picture-in-picture; publickey-credentials-get; sync-xhr; usb; vr ; wake-lock; xr-spatial-tracking";

const API_VERSION = 1;
const READY_WARNING_MS = 60000;  // Streamlit's COMPONENT_READY_WARNING_TIME_MS
const TAG = "wasmlit_component_value";  // runtime/wasmlit/components/v1/component_values.py

/** @param {Record<string, unknown>} attrs */
function frame(attrs) {
  return /** @type {HTMLIFrameElement} */ (h("iframe", { allow: ALLOW, sandbox: SANDBOX, ...isolatedFrameAttrs(), ...attrs }));
}

/** Non-empty text, else undefined (Streamlit's getNonEmptyString). */
const nonEmpty = (value) => (typeof value === "string" && value !== "" ? value : undefined);

/** components.html / components.iframe. */
function iframeElement(props) {
  const src = nonEmpty(props.src);
  const el = frame({ testid: "stIFrame", class: "stIFrame wl-iframe", title: "st.iframe",
    src, srcdoc: src === undefined ? nonEmpty(props.srcdoc) : undefined,
    scrolling: props.scrolling ? "auto" : "no",
    tabindex: props.tab_index === null || props.tab_index === undefined ? undefined : String(props.tab_index) });
  Object.assign(el.style, {
    display: "block", border: "none", colorScheme: "normal",
    width: typeof props.width === "number" ? `${props.width}px` : "100%",
    maxWidth: "100%", height: `${props.height}px`,
  });
  if (!props.scrolling) el.style.overflow = "hidden";
  return { el };
}

// --- bytes as base64 (every page event is JSON) -------------------------------------

function toBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(base64) {
  const text = atob(base64 || "");
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A value the frontend set, as the page sends it to Python (component_values.py). */
function taggedValue(value, dataType) {
  if (dataType === "bytes") return { [TAG]: "bytes", value: toBase64(new Uint8Array(value)) };
  if (dataType === "dataframe") {
    const parts = {};
    for (const name of ["data", "index", "columns"]) parts[name] = toBase64(new Uint8Array(value[name]));
    return { [TAG]: "dataframe", value: parts };
  }
  return { [TAG]: "json", value };
}

// --- the render message --------------------------------------------------------------

/** The render message's args and dfs from the props Python sent (1.50's parseArgs):
 * bytes args join the JSON args as Uint8Arrays; DataFrames go apart, as ArrowDataframe
 * objects ({data: {data, index, columns}}) the lib turns into ArrowTables. */
function renderArgs(props) {
  const args = JSON.parse(props.args || "{}");
  for (const [key, base64] of Object.entries(props.bytes_args || {})) args[key] = fromBase64(base64);
  const dfs = (props.dfs || []).map(({ key, value }) => ({
    key,
    value: { data: { data: fromBase64(value.data), index: fromBase64(value.index), columns: fromBase64(value.columns) } },
  }));
  return { args, dfs };
}

/** The app's theme as the lib expects it (Streamlit's toExportedTheme), read from the
 * app's --wl-* colours. */
function exportedTheme(view) {
  const app = view.app;
  const style = getComputedStyle(app);
  const color = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  const base = app.dataset.theme === "dark" ? "dark" : "light";
  const textColor = color("--wl-text", base === "dark" ? "#fafafa" : "#31333f");
  return {
    base,
    primaryColor: color("--wl-primary", "#ff4b4b"),
    backgroundColor: color("--wl-bg", base === "dark" ? "#0e1117" : "#ffffff"),
    secondaryBackgroundColor: color("--wl-bg-2", base === "dark" ? "#262730" : "#f0f2f6"),
    textColor,
    font: style.fontFamily,
    linkText: base === "dark" ? "#3d9df3" : "#0068c9",
    fadedText60: color("--wl-muted", textColor),
    borderColor: color("--wl-border", textColor),
  };
}

/** Where the frontend loads from, with Streamlit's `streamlitUrl` query parameter. */
function frontendURL(src) {
  const url = src.url ? new URL(src.url, document.baseURI) : new URL(src.site, BASE);
  url.searchParams.set("streamlitUrl", location.origin + location.pathname);
  return url.href;
}

function readyWarning(props) {
  const where = props.src.url
    ? `\nThe app is attempting to load the component from ${props.src.url},\nand hasn't received its ` +
      "`Streamlit.setComponentReady()` message.\n\nIf this is a development build, have you started the dev server?"
    : "\n\nIf this is an installed component that works locally, the app may be having trouble accessing " +
      "the component frontend assets due to network latency or proxy settings in your app deployment.";
  const text = h("div", { testid: "stMarkdownContainer", class: "wl-md" });
  text.textContent = `Your app is having trouble loading the ${props.name} component.${where}`;
  text.style.whiteSpace = "pre-line";
  return h("div", { testid: "stAlert", class: "wl-alert wl-alert-warning" },
    h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" },
      h("div", { testid: "stAlertContentWarning", class: "wl-alert-content" }, text)));
}

/** A custom component's instance: a widget whose value its frontend sets. */
function componentInstance(props, view) {
  let current = props;
  let ready = false;
  let lastValue;  // what the frontend last set (a form sends it on submit)
  const initial = JSON.parse(props.args || "{}").height;
  let frameHeight = typeof initial === "number" && !Number.isNaN(initial) ? initial : undefined;

  const iframe = frame({ testid: "stCustomComponentV1", class: "stCustomComponentV1 wl-component",
    src: frontendURL(props.src), scrolling: "no", title: props.name,
    tabindex: props.tab_index === null || props.tab_index === undefined ? undefined : String(props.tab_index) });
  iframe.height = String(frameHeight ?? 0);
  Object.assign(iframe.style, { colorScheme: "normal", display: "none", border: "none", width: "100%" });
  // Streamlit's loading skeleton until the frontend is ready (none for an explicit height 0).
  const skeleton = h("div", { testid: "stSkeleton", class: "wl-skeleton", "aria-busy": "true" });
  skeleton.style.height = frameHeight ? `${frameHeight}px` : "2.75rem";
  const el = h("div", { class: "wl-component-instance" }, frameHeight === 0 ? null : skeleton, iframe);
  el.style.display = "contents";
  // Streamlit's st-key-<key> class on the element's container (which holds `el` once built).
  if (props.key) queueMicrotask(() => el.parentElement?.classList.add(keyClass(props.key)));

  const render = () => {
    if (!ready || !iframe.contentWindow) return;
    const { args, dfs } = renderArgs(current);
    iframe.contentWindow.postMessage({ type: "streamlit:render", args, dfs, disabled: false,
      theme: exportedTheme(view) }, "*");
  };
  const warnTimer = setTimeout(() => { if (!ready) el.prepend(readyWarning(current)); }, READY_WARNING_MS);
  const showError = (message) => {
    const box = h("div", { testid: "stException", class: "wl-alert wl-alert-error" });
    box.textContent = `Error: ${message}`;
    el.replaceChildren(box);
  };

  const onMessage = (/** @type {MessageEvent} */ event) => {
    const data = event.data;
    if (event.source !== iframe.contentWindow || !data || typeof data !== "object" || !data.isStreamlitMessage) return;
    switch (data.type) {
      case "streamlit:componentReady":
        if (data.apiVersion !== API_VERSION) { showError(`Unrecognized component API version: '${data.apiVersion}'`); return; }
        ready = true;
        clearTimeout(warnTimer);
        skeleton.remove();
        el.querySelector(":scope > [data-testid='stAlert']")?.remove();
        iframe.style.display = "initial";
        render();
        break;
      case "streamlit:setComponentValue":
        if (!ready) { console.warn(`Got ${data.type} before streamlit:componentReady!`); return; }
        if (data.value === undefined) { console.warn("handleSetComponentValue: missing 'value' prop"); return; }
        lastValue = taggedValue(data.value, data.dataType);
        if (!current.form) view.sendWidget(current.id, lastValue);
        break;
      case "streamlit:setFrameHeight":
        if (!ready) { console.warn(`Got ${data.type} before streamlit:componentReady!`); return; }
        if (typeof data.height !== "number" || data.height === frameHeight) return;
        frameHeight = data.height;
        iframe.height = String(data.height);
        render();  // as Streamlit's: a new frame height sends the render message again
        break;
      default:
        console.warn(`Unrecognized ComponentBackMsgType: ${data.type}`);
    }
  };
  window.addEventListener("message", onMessage);

  return {
    el,
    formId: props.form,
    read: () => lastValue,
    update(next) {
      const moved = JSON.stringify(next.src) !== JSON.stringify(current.src);
      const changed = ["args", "bytes_args", "dfs"].some((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]));
      current = next;
      if (moved) {  // the same widget, its frontend elsewhere: load it, then render once ready
        ready = false;
        iframe.src = frontendURL(next.src);
      } else if (changed) {
        render();
      }
    },
    dispose() {
      clearTimeout(warnTimer);
      window.removeEventListener("message", onMessage);
    },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  iframe: iframeElement,
  component_instance: componentInstance,
};
