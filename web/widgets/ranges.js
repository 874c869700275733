// Sliders: st.slider and st.select_slider share one builder. Python sends numbers: min,
// max, step and the thumbs' values (dates and times as microseconds, select_slider
// values as option indices); `format` says how a number is shown (printf-style for
// numbers, "%s" over `options` for select_slider, moment.js tokens for date-likes).
//
// Keyboard as in Streamlit (react-range): ArrowRight/ArrowUp/k and ArrowLeft/ArrowDown/j
// move one step, PageUp/PageDown ten steps, Home/End do nothing; the value is sent on
// key release and at the end of a drag.
import { h } from "../dom.js";
import { widgetLabel } from "../widget-parts.js";
import { formatMoment, sprintf } from "../format.js";

const TIMELIKE = new Set(["date", "time", "datetime"]);
const UP_KEYS = new Set(["ArrowRight", "ArrowUp", "k", "PageUp"]);
const DOWN_KEYS = new Set(["ArrowLeft", "ArrowDown", "j", "PageDown"]);

// --- slider --------------------------------------------------------------------------

function stepDecimals(step) {
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + ((text.split("e")[0].split(".")[1] || "").length);
  return (text.split(".")[1] || "").length;
}

/** The value a thumb may take: within min/max, not past its neighbour, on the step grid
 * counted from min (react-range's rule; the max itself is allowed off the grid). */
export function normalizeValue(value, index, values, min, max, step) {
  const prev = values[index - 1];
  const next = values[index + 1];
  if (prev !== undefined && prev > value) return prev;
  if (next !== undefined && next < value) return next;
  if (value >= max) return max;
  if (value <= min) return min;
  const steps = Math.round((value - min) / step);
  const snapped = Math.min(max, min + steps * step);
  return parseFloat(snapped.toFixed(stepDecimals(step)));
}

function formatValue(props, v) {
  if (TIMELIKE.has(props.data_type)) return formatMoment(v / 1000, props.format);
  if (props.options && props.options.length) return sprintf(props.format, props.options[v]);
  return sprintf(props.format, v);
}

// The thumbs as Streamlit shows them: never crossing, within min/max.
function clampValues(values, min, max) {
  if (!values.length) return [min];
  let start = values[0];
  let end = values.length > 1 ? values[1] : values[0];
  if (start > end) start = end;
  start = Math.min(Math.max(start, min), max);
  end = Math.min(Math.max(end, min), max);
  return values.length > 1 ? [start, end] : [start];
}

function sliderBuilder(props, view) {
  let values = clampValues(props.value || [], props.min, props.max);
  let dragging = -1;
  // The user has moved a thumb and not let go yet (a key still down, a drag): a run that
  // ends meanwhile (the one the previous value started) does not move it back; the value
  // goes out on release, and the run it starts brings the app's answer.
  let moving = false;
  const label = widgetLabel(view, props, null);
  const labelEl = label.dataset.testid === "stWidgetLabel" ? label : label.querySelector("[data-testid=stWidgetLabel]");
  labelEl.setAttribute("aria-hidden", "true");
  const fill = h("div", { class: "wl-slider-fill" });
  const rail = h("div", { class: "wl-slider-rail" }, fill);
  const track = h("div", { class: "wl-slider-track" }, rail);
  const minTick = h("span");
  const maxTick = h("span");
  const tickBar = h("div", { testid: "stSliderTickBar", class: "wl-slider-ticks" }, minTick, maxTick);
  const body = h("div", { "data-baseweb": "slider", class: "wl-slider-body" }, track, tickBar);
  const el = h("div", { testid: "stSlider", class: "wl-slider" }, label, body);
  let thumbs = [];

  const pct = (v) => (props.max === props.min ? 0 : ((v - props.min) / (props.max - props.min)) * 100);

  // Streamlit sends on every key release or drag end, even when nothing moved; in a form
  // the submit button collects the value instead.
  const commit = () => {
    el.classList.remove("wl-active");
    moving = false;
    if (props.form || props.disabled) return;
    view.sendWidget(props.id, values.slice());
  };

  const moveTo = (index, raw) => {
    const next = values.slice();
    next[index] = normalizeValue(raw, index, values, props.min, props.max, props.step);
    el.classList.add("wl-active");  // min and max show while the value changes
    if (next[index] !== values[index]) { values = next; moving = true; paint(); }
  };

  const makeThumb = (index) => {
    const text = h("div", { testid: "stSliderThumbValue", class: "wl-slider-value" });
    const thumb = h("div", { role: "slider", class: "wl-slider-thumb", draggable: "false",
      "aria-label": props.label }, text);
    thumb.addEventListener("keydown", (ev) => {
      if (props.disabled) return;
      const up = UP_KEYS.has(ev.key);
      if (!up && !DOWN_KEYS.has(ev.key)) return;
      ev.preventDefault();
      const amount = ev.key.startsWith("Page") ? props.step * 10 : props.step;
      moveTo(index, values[index] + (up ? amount : -amount));
    });
    thumb.addEventListener("keyup", (ev) => {
      if (props.disabled || (!UP_KEYS.has(ev.key) && !DOWN_KEYS.has(ev.key))) return;
      commit();
    });
    // Focus gone with a key still down (its release goes elsewhere): the value goes now.
    thumb.addEventListener("blur", () => { if (moving && dragging < 0) commit(); });
    thumb.addEventListener("pointerdown", (ev) => startDrag(ev, index, false));
    return { thumb, text };
  };

  const valueAt = (clientX) => {
    const box = rail.getBoundingClientRect();
    const ratio = box.width ? Math.min(1, Math.max(0, (clientX - box.left) / box.width)) : 0;
    return props.min + ratio * (props.max - props.min);
  };

  // Dragging a thumb moves it with the pointer; pressing the track also jumps there first.
  const startDrag = (ev, index, jump) => {
    if (props.disabled || ev.button !== 0) return;
    ev.preventDefault();
    ev.stopPropagation();
    dragging = index;
    thumbs[index].thumb.focus();
    if (jump) moveTo(index, valueAt(ev.clientX));
    const move = (e) => { if (dragging >= 0) moveTo(dragging, valueAt(e.clientX)); };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      if (dragging < 0) return;
      dragging = -1;
      commit();
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  track.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest(".wl-slider-thumb")) return;
    const target = valueAt(ev.clientX);
    let index = 0;
    if (values.length > 1 && Math.abs(values[1] - target) < Math.abs(values[0] - target)) index = 1;
    if (values.length > 1 && values[0] === values[1] && target > values[1]) index = 1;
    startDrag(ev, index, true);
  });

  function paint() {
    if (thumbs.length !== values.length) {
      thumbs.forEach((t) => t.thumb.remove());
      thumbs = values.map((_, i) => makeThumb(i));
      track.append(...thumbs.map((t) => t.thumb));
    }
    values.forEach((v, i) => {
      const { thumb, text } = thumbs[i];
      const shown = formatValue(props, v);
      thumb.style.left = `${pct(v)}%`;
      thumb.setAttribute("aria-valuenow", String(v));
      thumb.setAttribute("aria-valuemin", String(i === 1 ? values[0] : props.min));
      thumb.setAttribute("aria-valuemax", String(i === 0 && values.length > 1 ? values[1] : props.max));
      thumb.setAttribute("aria-valuetext", shown);
      text.textContent = shown;
      thumb.style.zIndex = String(i);
    });
    const lo = values.length > 1 ? pct(values[0]) : 0;
    const hi = pct(values[values.length - 1]);
    fill.style.left = `${lo}%`;
    fill.style.width = `${Math.max(0, hi - lo)}%`;
    minTick.textContent = formatValue(props, props.min);
    maxTick.textContent = formatValue(props, props.max);
    el.classList.toggle("wl-disabled", Boolean(props.disabled));
    // A disabled thumb cannot take focus at all (as in Streamlit: no tabindex).
    thumbs.forEach(({ thumb }) => {
      if (props.disabled) { thumb.removeAttribute("tabindex"); thumb.setAttribute("disabled", ""); }
      else { thumb.setAttribute("tabindex", "0"); thumb.removeAttribute("disabled"); }
    });
    if (typeof props.width === "number") el.style.width = `${props.width}px`;
    else el.style.width = "";
    requestAnimationFrame(alignValues);
  }

  // A value text that would stick out of the slider is aligned with its thumb's edge.
  function alignValues() {
    if (!el.isConnected) return;
    const box = body.getBoundingClientRect();
    thumbs.forEach(({ thumb, text }) => {
      text.classList.remove("wl-at-start", "wl-at-end");
      const t = thumb.getBoundingClientRect();
      const mid = t.left + t.width / 2;
      const half = text.offsetWidth / 2;
      if (mid - half < box.left) text.classList.add("wl-at-start");
      else if (mid + half > box.right) text.classList.add("wl-at-end");
    });
  }

  paint();
  return {
    el, formId: props.form,
    read: () => values.slice(),
    update(p, before) {
      const shape = ["min", "max", "step", "format", "data_type"].some((k) => p[k] !== before[k]) ||
        JSON.stringify(p.options) !== JSON.stringify(before.options);
      props = p;
      if (shape || (!moving && JSON.stringify(p.value) !== JSON.stringify(before.value))) {
        values = clampValues(p.value || [], p.min, p.max);
        moving = false;
      }
      const text = labelEl.querySelector("[data-testid=stMarkdownContainer] > p") ||
        labelEl.querySelector("[data-testid=stMarkdownContainer]");
      if (text && p.label !== before.label) view.renderMarkdown(text, p.label, false, true);
      labelEl.classList.toggle("wl-label-hidden", p.label_visibility === "hidden");
      labelEl.classList.toggle("wl-label-collapsed", p.label_visibility === "collapsed");
      thumbs.forEach(({ thumb }) => thumb.setAttribute("aria-label", p.label));
      paint();
    },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  slider: sliderBuilder,
  select_slider: sliderBuilder,
};
