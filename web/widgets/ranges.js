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

const TIMELIKE = new Set(["date", "time", "datetime"]);
const UP_KEYS = new Set(["ArrowRight", "ArrowUp", "k", "PageUp"]);
const DOWN_KEYS = new Set(["ArrowLeft", "ArrowDown", "j", "PageDown"]);

// --- printf-style formatting (sprintf-js semantics for one positional argument) -------
const SPEC = /^%(?:([1-9]\d*)\$)?(\+)?(0|'[^$])?(-)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/;

function formatOne(m, arg) {
  const [, , plus, padSpec, left, width, precision, type] = m;
  let text;
  let numeric = false;
  switch (type) {
    case "b": text = (parseInt(arg, 10) >>> 0).toString(2); break;
    case "c": text = String.fromCharCode(parseInt(arg, 10)); break;
    case "d": case "i": text = String(parseInt(arg, 10)); numeric = true; break;
    case "e": text = precision !== undefined ? parseFloat(arg).toExponential(Number(precision))
      : parseFloat(arg).toExponential(); numeric = true; break;
    case "f": text = precision !== undefined ? parseFloat(arg).toFixed(Number(precision))
      : String(parseFloat(arg)); numeric = true; break;
    case "g": text = precision !== undefined ? String(Number(Number(arg).toPrecision(Number(precision))))
      : String(parseFloat(arg)); numeric = true; break;
    case "o": text = (parseInt(arg, 10) >>> 0).toString(8); break;
    case "s": text = String(arg); if (precision !== undefined) text = text.substring(0, Number(precision)); break;
    case "t": text = String(!!arg); if (precision !== undefined) text = text.substring(0, Number(precision)); break;
    case "T": text = Object.prototype.toString.call(arg).slice(8, -1).toLowerCase(); break;
    case "u": text = String(parseInt(arg, 10) >>> 0); break;
    case "v": text = String(arg.valueOf()); break;
    case "x": text = (parseInt(arg, 10) >>> 0).toString(16); break;
    case "X": text = (parseInt(arg, 10) >>> 0).toString(16).toUpperCase(); break;
    case "j": text = JSON.stringify(arg, null, width ? parseInt(width, 10) : 0); break;
    default: text = String(arg);
  }
  let sign = "";
  if (numeric) {
    const negative = text.startsWith("-");
    if (negative) { sign = "-"; text = text.slice(1); } else if (plus) sign = "+";
  }
  const padChar = padSpec ? (padSpec === "0" ? "0" : padSpec.charAt(1)) : " ";
  const padLength = width ? Number(width) - (sign + text).length : 0;
  const pad = padLength > 0 ? padChar.repeat(padLength) : "";
  if (left) return sign + text + pad;
  return padChar === "0" ? sign + pad + text : pad + sign + text;
}

/** printf-style formatting of one value, as sprintf-js does it ("%0.2f", "%d years",
 * "%+.1e", "%s", "%%"). A format it cannot read is shown as it is. */
export function sprintf(format, arg) {
  let out = "";
  let rest = String(format);
  while (rest) {
    const i = rest.indexOf("%");
    if (i < 0) { out += rest; break; }
    out += rest.slice(0, i);
    rest = rest.slice(i);
    if (rest.startsWith("%%")) { out += "%"; rest = rest.slice(2); continue; }
    const m = SPEC.exec(rest);
    if (!m) return String(format);
    out += formatOne(m, arg);
    rest = rest.slice(m[0].length);
  }
  return out;
}

// --- moment.js-style date formatting (UTC) --------------------------------------------
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const LONG = { LTS: "h:mm:ss A", LT: "h:mm A", L: "MM/DD/YYYY", LL: "MMMM D, YYYY",
  LLL: "MMMM D, YYYY h:mm A", LLLL: "dddd, MMMM D, YYYY h:mm A", l: "M/D/YYYY",
  ll: "MMM D, YYYY", lll: "MMM D, YYYY h:mm A", llll: "ddd, MMM D, YYYY h:mm A" };
const TOKENS = /(\[[^[]*\])|(\\)?(Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|Qo?|YYYYYY|YYYYY|YYYY|YY|Y|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|ZZ?|.)/g;

const pad2 = (n, len = 2) => String(n).padStart(len, "0");
function ordinal(n) {
  const b = n % 10;
  const suffix = Math.floor((n % 100) / 10) === 1 ? "th" : b === 1 ? "st" : b === 2 ? "nd" : b === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

function tokenValue(t, d, ms) {
  const year = d.getUTCFullYear(), month = d.getUTCMonth(), day = d.getUTCDate();
  const wd = d.getUTCDay(), hour = d.getUTCHours();
  const dayOfYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 864e5) + 1;
  switch (t) {
    case "YYYYYY": return (year < 0 ? "-" : "+") + pad2(Math.abs(year), 6);
    case "YYYYY": return pad2(year, 5);
    case "YYYY": return year <= 9999 ? pad2(year, 4) : `+${year}`;
    case "YY": return pad2(year % 100);
    case "Y": return String(year);
    case "Q": return String(Math.floor(month / 3) + 1);
    case "Qo": return ordinal(Math.floor(month / 3) + 1);
    case "M": return String(month + 1);
    case "Mo": return ordinal(month + 1);
    case "MM": return pad2(month + 1);
    case "MMM": return MONTHS[month].slice(0, 3);
    case "MMMM": return MONTHS[month];
    case "D": return String(day);
    case "Do": return ordinal(day);
    case "DD": return pad2(day);
    case "DDD": return String(dayOfYear);
    case "DDDo": return ordinal(dayOfYear);
    case "DDDD": return pad2(dayOfYear, 3);
    case "d": case "e": return String(wd);
    case "do": return ordinal(wd);
    case "E": return String(wd === 0 ? 7 : wd);
    case "dd": return DAYS[wd].slice(0, 2);
    case "ddd": return DAYS[wd].slice(0, 3);
    case "dddd": return DAYS[wd];
    case "a": return hour < 12 ? "am" : "pm";
    case "A": return hour < 12 ? "AM" : "PM";
    case "H": return String(hour);
    case "HH": return pad2(hour);
    case "h": return String(hour % 12 || 12);
    case "hh": return pad2(hour % 12 || 12);
    case "k": return String(hour || 24);
    case "kk": return pad2(hour || 24);
    case "m": return String(d.getUTCMinutes());
    case "mm": return pad2(d.getUTCMinutes());
    case "s": return String(d.getUTCSeconds());
    case "ss": return pad2(d.getUTCSeconds());
    case "X": return String(Math.floor(ms / 1000));
    case "x": return String(Math.floor(ms));
    case "Z": return "+00:00";
    case "ZZ": return "+0000";
    default:
      if (/^S+$/.test(t)) return pad2(d.getUTCMilliseconds(), 3).padEnd(t.length, "0").slice(0, t.length);
      return t;
  }
}

/** A UTC instant (milliseconds) in moment.js format tokens: "YYYY-MM-DD", "HH:mm",
 * "MM/DD/YY - hh:mm", "ddd ha", "[at] LT"... */
export function formatMoment(ms, format) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "Invalid date";
  const expanded = String(format).replace(/(\[[^[]*\])|(LTS|LT|LL?L?L?|l{1,4})/g,
    (all, literal, long) => (literal ? all : LONG[long] || all));
  return expanded.replace(TOKENS, (all, literal, escape, token) => {
    if (literal) return literal.slice(1, -1);
    if (escape) return token;
    return tokenValue(token, d, ms);
  });
}

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
    if (props.form || props.disabled) return;
    view.sendWidget(props.id, values.slice());
  };

  const moveTo = (index, raw) => {
    const next = values.slice();
    next[index] = normalizeValue(raw, index, values, props.min, props.max, props.step);
    el.classList.add("wl-active");  // min and max show while the value changes
    if (next[index] !== values[index]) { values = next; paint(); }
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
      if (JSON.stringify(p.value) !== JSON.stringify(before.value) || shape) {
        values = clampValues(p.value || [], p.min, p.max);
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

export const BUILDERS = {
  slider: sliderBuilder,
  select_slider: sliderBuilder,
};
