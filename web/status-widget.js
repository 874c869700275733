// The running indicator with its Stop button, as Streamlit 1.50 draws it at the app's top
// right (stStatusWidget): a cycling "running man" icon named "Running..." and a "Stop" header
// button. It exists so a runaway script can be stopped from the page (issue 18).
//
// Streamlit 1.50's behaviour, measured (notes: /tmp/h/status_widget_notes.md):
// - a run starts: stStatusWidget is added at once but empty, fading in; its icon and Stop button
//   appear 500 ms later, so quick reruns never flash the indicator;
// - the run ends: stStatusWidget is removed from the DOM (not hidden);
// - Stop is clicked: the widget fades out over 200 ms, still reading "Stop", and is removed.
//   (Streamlit's source keeps a "Stopping..." label, but 1.50 never renders it.)
import { h, svgIcon } from "./dom.js";

const SHOW_DELAY_MS = 500;   // Streamlit's RUNNING_MAN_DISPLAY_DELAY_TIME_MS
const ICON_STEP_MS = 200;    // one icon of the cycle per 200 ms
const FADE_OUT_MS = 200;     // the exit transition's length

// Material icons, in Streamlit's order: accessible_forward, accessibility_new, directions_bike,
// directions_run, pool, rowing (circles written as arcs so each icon is one path).
const RUNNING_ICONS = [
  "M16 4.54a2 2 0 1 0 4 0a2 2 0 1 0-4 0zM15 17h-2c0 1.65-1.35 3-3 3s-3-1.35-3-3 1.35-3 3-3v-2c-2.76 0-5 2.24-5 5s2.24 5 5 5 5-2.24 5-5zm3-3.5h-1.86l1.67-3.67C18.42 8.5 17.44 7 15.96 7h-5.2c-.81 0-1.54.47-1.87 1.2L8.22 10l1.92.53.65-1.53H13l-1.83 4.1c-.6 1.33.39 2.9 1.85 2.9H18v5h2v-5.5c0-1.1-.9-2-2-2z",
  "M20.5 6c-2.61.7-5.67 1-8.5 1s-5.89-.3-8.5-1L3 8c1.86.5 4 .83 6 1v13h2v-6h2v6h2V9c2-.17 4.14-.5 6-1l-.5-2zM12 6c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2z",
  "M15.5 5.5c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zM5 12c-2.8 0-5 2.2-5 5s2.2 5 5 5 5-2.2 5-5-2.2-5-5-5zm0 8.5c-1.9 0-3.5-1.6-3.5-3.5s1.6-3.5 3.5-3.5 3.5 1.6 3.5 3.5-1.6 3.5-3.5 3.5zm5.8-10l2.4-2.4.8.8c1.3 1.3 3 2.1 5.1 2.1V9c-1.5 0-2.7-.6-3.6-1.5l-1.9-1.9c-.5-.4-1-.6-1.6-.6s-1.1.2-1.4.6L7.8 8.4c-.4.4-.6.9-.6 1.4 0 .6.2 1.1.6 1.4L11 14v5h2v-6.2l-2.2-2.3zM19 12c-2.8 0-5 2.2-5 5s2.2 5 5 5 5-2.2 5-5-2.2-5-5-5zm0 8.5c-1.9 0-3.5-1.6-3.5-3.5s1.6-3.5 3.5-3.5 3.5 1.6 3.5 3.5-1.6 3.5-3.5 3.5z",
  "M13.49 5.48c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm-3.6 13.9l1-4.4 2.1 2v6h2v-7.5l-2.1-2 .6-3c1.3 1.5 3.3 2.5 5.5 2.5v-2c-1.9 0-3.5-1-4.3-2.4l-1-1.6c-.4-.6-1-1-1.7-1-.3 0-.5.1-.8.1l-5.2 2.2v4.7h2v-3.4l1.8-.7-1.6 8.1-4.9-1-.4 2 7 1.4z",
  "M14 5.5a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0zM10 8l-3.25 3.25c.31.12.56.27.77.39.37.23.59.36 1.15.36s.78-.13 1.15-.36c.46-.27 1.08-.64 2.19-.64s1.73.37 2.18.64c.37.22.6.36 1.15.36.55 0 .78-.13 1.15-.36.12-.07.26-.15.41-.23L10.48 5C8.93 3.45 7.5 2.99 5 3v2.5c1.82-.01 2.89.39 4 1.5l1 1zm-4.65 7.5c.55 0 .78.14 1.15.36.45.27 1.07.64 2.18.64s1.73-.37 2.18-.64c.37-.23.59-.36 1.15-.36.55 0 .78.14 1.15.36.45.27 1.07.64 2.18.64s1.73-.37 2.18-.64c.37-.23.59-.36 1.15-.36.55 0 .78.14 1.15.36.45.27 1.06.63 2.16.64v-2c-.55 0-.78-.14-1.15-.36-.45-.27-1.07-.64-2.18-.64s-1.73.37-2.18.64c-.37.23-.6.36-1.15.36s-.78-.14-1.15-.36c-.45-.27-1.07-.64-2.18-.64s-1.73.37-2.18.64c-.37.23-.59.36-1.15.36-.55 0-.78-.14-1.15-.36-.45-.27-1.07-.64-2.18-.64s-1.73.37-2.18.64c-.37.23-.59.36-1.15.36v2c1.11 0 1.73-.37 2.2-.64.37-.23.6-.36 1.15-.36zM18.67 18c-1.11 0-1.73.37-2.18.64-.37.23-.6.36-1.15.36-.55 0-.78-.14-1.15-.36-.45-.27-1.07-.64-2.18-.64s-1.73.37-2.19.64c-.37.23-.59.36-1.15.36s-.78-.13-1.15-.36c-.45-.27-1.07-.64-2.18-.64s-1.73.37-2.19.64c-.37.23-.59.36-1.15.36v2c1.11 0 1.73-.37 2.19-.64.37-.23.6-.36 1.15-.36.55 0 .78.13 1.15.36.45.27 1.07.64 2.18.64s1.73-.37 2.19-.64c.37-.23.59-.36 1.15-.36.55 0 .78.14 1.15.36.45.27 1.07.64 2.18.64s1.72-.37 2.18-.64c.37-.23.59-.36 1.15-.36.55 0 .78.14 1.15.36.45.27 1.07.64 2.18.64v-2c-.56 0-.78-.13-1.15-.36-.45-.27-1.07-.64-2.18-.64z",
  "M8.5 14.5L4 19l1.5 1.5L9 17h2l-2.5-2.5zM15 1c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm6 20.01L18 24l-2.99-3.01V19.5l-7.1-7.09c-.31.05-.61.07-.91.07v-2.16c1.66.03 3.61-.87 4.67-2.04l1.4-1.55c.19-.21.43-.38.69-.5.29-.14.62-.23.96-.23h.03C15.99 6.01 17 7.02 17 8.26v5.75c0 .84-.35 1.61-.92 2.16l-3.58-3.58v-2.27c-.63.52-1.43 1.02-2.29 1.39L16.5 18H18l3 3.01z",
];

/** @type {WeakMap<HTMLElement, HTMLElement>} stStatusWidget -> the slot it shows itself in */
const slots = new WeakMap();

/**
 * The running indicator. `el` (stStatusWidget) is in the page only while a run is in progress:
 * it shows itself inside the slot placeStatusWidget() puts on the page.
 * @param {{onStop: () => void}} options  onStop: called when the user clicks Stop
 * @returns {{el: HTMLElement, setRunning: (running: boolean) => void, setStopping: () => void}}
 */
export function createStatusWidget({ onStop }) {
  const el = h("div", { testid: "stStatusWidget" });
  const slot = h("div", { class: "wl-status-slot" });
  slots.set(el, slot);

  const icon = svgIcon(RUNNING_ICONS[0]);
  icon.setAttribute("data-testid", "stStatusWidgetRunningManIcon");
  const stop = h("button", { type: "button", kind: "header", testid: "stBaseButton-header", class: "wl-status-stop" });
  stop.textContent = "Stop";
  const status = h("div", { class: "wl-status-running" },
    h("div", { role: "img", "aria-label": "Running...", testid: "stStatusWidgetRunningIcon", class: "wl-status-icon" }, icon),
    h("span", { class: "wl-status-button-box" }, stop));

  /** @type {"idle" | "running" | "stopping"} */
  let state = "idle";
  let showTimer = 0, cycleTimer = 0, removeTimer = 0;

  const clearTimers = () => {
    clearTimeout(showTimer); clearInterval(cycleTimer); clearTimeout(removeTimer);
    showTimer = cycleTimer = removeTimer = 0;
  };
  const hide = () => {
    clearTimers();
    el.classList.remove("wl-status-leaving");
    el.replaceChildren();
    el.remove();
  };
  const showContent = () => {
    let step = 0;
    const path = icon.querySelector("path");
    path.setAttribute("d", RUNNING_ICONS[step]);
    el.replaceChildren(status);
    cycleTimer = window.setInterval(() => {
      step = (step + 1) % RUNNING_ICONS.length;
      path.setAttribute("d", RUNNING_ICONS[step]);
    }, ICON_STEP_MS);
  };

  /** A run started (true) or the app went idle (false). Repeated calls change nothing. */
  const setRunning = (running) => {
    if (!running) { state = "idle"; hide(); return; }
    if (state === "running") return;
    hide();  // a new run after a stop: start over, with the delay
    state = "running";
    slot.append(el);  // empty (fading in) until the delay has passed, as Streamlit's
    showTimer = window.setTimeout(showContent, SHOW_DELAY_MS);
  };

  /** A stop was asked for: the widget fades out and leaves the page until the next run. */
  const setStopping = () => {
    if (state !== "running") return;
    state = "stopping";
    if (!el.isConnected || !el.firstChild) { hide(); return; }  // not shown yet: just go
    clearTimeout(showTimer);
    el.classList.add("wl-status-leaving");
    removeTimer = window.setTimeout(hide, FADE_OUT_MS);
  };

  stop.addEventListener("click", () => {
    if (state !== "running") return;
    setStopping();
    onStop();
  });
  return { el, setRunning, setStopping };
}

/**
 * Puts the widget's slot at the app's top right. Full page: inside the app's stToolbar (where
 * Streamlit nests it; left of the app menu), fixed to the viewport's top right like Streamlit's header. Embedded in a
 * box on a host page: at the top right of the app's own box (absolute, scrolls with it).
 * @param {HTMLElement} appEl  the app's stApp element (or an element holding it)
 * @param {HTMLElement} widgetEl  `el` from createStatusWidget()
 * @param {{embedded?: boolean}} [options]
 * @returns {HTMLElement} the slot
 */
export function placeStatusWidget(appEl, widgetEl, { embedded = false } = {}) {
  const slot = slots.get(widgetEl);
  if (!slot) throw new Error("placeStatusWidget: not a widget from createStatusWidget()");
  const app = appEl.matches("[data-testid='stApp']") ? appEl
    : /** @type {HTMLElement} */ (appEl.querySelector("[data-testid='stApp']")) || appEl;
  const toolbar = app.querySelector("[data-testid='stToolbar']");
  slot.classList.toggle("wl-status-embedded", embedded);
  // In the toolbar's right end (page-layout.js) when it has one: left of the app menu.
  const end = toolbar && toolbar.querySelector(":scope > .wl-toolbar-end");
  if (!embedded && end) end.prepend(slot);
  else (!embedded && toolbar ? toolbar : app).append(slot);
  return slot;
}
