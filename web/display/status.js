// Status elements: alerts, exceptions, progress bars, balloons, snow, spinners, and the
// st.status container (a block: see BLOCKS below).
import { h } from "../dom.js";
import { showToast } from "../toasts.js";
import { materialName, materialSpan } from "../icons.js";
import { markdownContainer } from "../widget-parts.js";

// An icon as Streamlit draws it: ":material/name:" shows the icon's name in the icon font,
// anything else is an emoji.
function iconEl(icon, testid) {
  const material = materialName(icon);
  if (material) return materialSpan(material, testid);
  return h("span", { testid, class: "wl-icon", "aria-hidden": "true" }, icon);
}

function setWidth(el, width) {
  el.style.width = typeof width === "number" ? `${width}px` : "";
  el.style.maxWidth = typeof width === "number" ? "100%" : "";
}

// A flurry (balloons, snow): each flake rises or falls once; the container stays.
function flurry(testid, cls, itemCls, symbol, count) {
  const el = h("div", { testid, class: `wl-flurry ${cls}`, "aria-hidden": "true" });
  for (let i = 0; i < count; i++) {
    const item = h("span", { class: itemCls }, symbol);
    item.style.left = `${(i * 37) % 100}%`;
    item.style.animationDelay = `${(i % 8) * 0.12}s`;
    el.append(item);
  }
  setTimeout(() => el.replaceChildren(), 4000);
  return el;
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  alert(props, view) {
    const kind = props.type[0].toUpperCase() + props.type.slice(1);
    const content = h("div", { testid: `stAlertContent${kind}`, class: "wl-alert-content" });
    if (props.icon) content.append(h("span", { class: "wl-alert-icon" }, iconEl(props.icon, "stAlertDynamicIcon")));
    content.append(markdownContainer(view, props.body, false));
    const el = h("div", { testid: "stAlert", class: `wl-alert wl-alert-${props.type}` },
      h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" }, content));
    setWidth(el, props.width);
    return { el };
  },

  exception(props, view) {
    // As Streamlit 1.50: "Type: message" (Streamlit's own errors carry Markdown, rendered so
    // no backticks show; other messages are plain text), the traceback rows, and - when the
    // page is served from localhost - Copy / Ask Google / Ask ChatGPT.
    const message = h("div", { testid: "stExceptionMessage", class: "wl-exc-message" });
    const type = h("strong", { class: "wl-exc-type" });
    type.textContent = props.type;
    if (props.markdown) {
      const body = h("div", { testid: "stMarkdownContainer", class: "wl-md" });
      view.renderMarkdown(body, props.message || "", false);
      if (props.type) {
        const first = body.firstElementChild && body.firstElementChild.tagName === "P" ? body.firstElementChild : null;
        if (first) first.prepend(type, ": ");
        else body.prepend(h("p", {}, type, ": "));
      }
      message.append(body);
    } else {
      message.append(type, props.type ? ": " : "", props.message || "");
    }
    const kind = props.is_warning ? "Warning" : "Error";
    const content = h("div", { testid: `stAlertContent${kind}`, class: "wl-alert-content wl-exc-content" }, message);
    if (props.traceback.length) {
      const rows = props.traceback.map((line) => {
        const row = h("div", { testid: "stExceptionTraceRow", class: "wl-exc-row" });
        row.textContent = line;
        return row;
      });
      content.append(h("div", { class: "wl-exc-trace" },
        h("div", { class: "wl-exc-trace-title" }, "Traceback:"),
        h("pre", {}, h("div", {}, h("code", {}, ...rows)))));
    }
    if (["localhost", "127.0.0.1"].includes(window.location.hostname)) {
      const summary = `${props.type}: ${props.message}`;
      const full = `${summary}\n\n${props.traceback.join("\n")}`;
      const copy = h("button", { type: "button", class: "wl-exc-copy" }, "Copy");
      copy.addEventListener("click", () => {
        if (navigator.clipboard) navigator.clipboard.writeText(full).catch(() => {});
      });
      content.append(h("div", { class: "wl-exc-links" }, copy,
        h("a", { href: `https://www.google.com/search?q=${encodeURIComponent(summary)}`, target: "_blank",
          rel: "noopener noreferrer" }, "Ask Google"),
        h("a", { href: `https://chatgpt.com/?q=${encodeURIComponent(full)}`, target: "_blank",
          rel: "noopener noreferrer" }, "Ask ChatGPT")));
    }
    const el = h("div", { testid: "stException", class: "wl-exception" + (props.is_warning ? " wl-exc-warning" : "") },
      h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" }, content));
    return { el };
  },

  progress(props, view) {
    // Updated in place, so the bar glides from the old value to the new one.
    const label = h("div", { class: "wl-progress-text" });
    const fill = h("div", { class: "wl-progress-fill" });
    const bar = h("div", { role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100",
      class: "wl-progress-bar" }, h("div", { class: "wl-progress-track" }, fill));
    const el = h("div", { testid: "stProgress", class: "wl-progress" }, label, bar);
    const draw = (p) => {
      label.replaceChildren();
      if (p.text) label.append(markdownContainer(view, p.text, false));
      label.hidden = !p.text;
      bar.setAttribute("aria-valuenow", String(p.value));
      bar.setAttribute("aria-label", `${p.value}% Loaded`);
      fill.style.width = `${p.value}%`;
      setWidth(el, p.width);
    };
    draw(props);
    return { el, update: (p) => draw(p) };
  },

  balloons() {
    return { el: flurry("stBalloons", "wl-balloons", "wl-balloon", "🎈", 24) };
  },

  snow() {
    return { el: flurry("stSnow", "wl-snow", "wl-snowflake", "❄", 36) };
  },

  // st.toast: its element takes no room; the toast shows in the page's corner while the
  // element is in the page (a rerun without it removes it, as in 1.50).
  toast(props, view) {
    const toast = { body: String(props.body), icon: props.icon ?? null, seconds: props.seconds ?? null };
    const shown = showToast(view.toasts, toast, (el, body) => view.renderMarkdown(el, body, false));
    return { el: h("div", { class: "wl-toast-slot" }), dispose: () => shown.remove() };
  },

  spinner(props, view) {
    // Like Streamlit, the spinner shows only once its block has run for half a second;
    // with show_time it counts the seconds since it appeared.
    const el = h("div", { class: "wl-spinner", hidden: true });
    let ticking = null;
    const timer = setTimeout(() => {
      const text = h("div", { role: "status", class: "wl-spinner-text" },
        markdownContainer(view, props.text, false));
      el.append(h("i", { testid: "stSpinnerIcon", class: "wl-spinner-icon", "aria-hidden": "true" }), text);
      if (props.show_time) {
        const clock = h("div", { class: "wl-spinner-time" }, "(0.0 seconds)");
        const start = Date.now();
        text.append(clock);
        ticking = setInterval(() => {
          if (!el.isConnected) { clearInterval(ticking); return; }
          clock.textContent = `(${((Date.now() - start) / 1000).toFixed(1)} seconds)`;
        }, 100);
      }
      el.dataset.testid = "stSpinner";
      el.classList.add("stSpinner");
      el.hidden = false;
    }, 500);
    const dispose = () => { clearTimeout(timer); if (ticking) clearInterval(ticking); };
    return { el, dispose };
  },
};

// The icon of an st.status summary for its state.
function statusIcon(icon) {
  if (icon === "spinner") return h("i", { testid: "stExpanderIconSpinner", class: "wl-spinner-icon wl-status-spinner" });
  const name = materialName(icon) ?? icon;
  const testid = name === "check" ? "stExpanderIconCheck" : name === "error" ? "stExpanderIconError" : "stExpanderIcon";
  return materialSpan(name, testid, "wl-material-icon wl-status-icon");
}

// Status containers (st.status) are blocks: {el, body, update?}.
/** @satisfies {import("../protocol").SomeBlockBuilders} */
export const BLOCKS = {
  status(props, view) {
    const iconSlot = h("span", { class: "wl-status-icon-slot" });
    const text = h("p");
    const label = h("span", { class: "wl-expander-label wl-status-label" }, iconSlot,
      h("div", { testid: "stMarkdownContainer", class: "wl-md" }, text));
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const details = h("details", { open: props.expanded }, h("summary", {}, label),
      h("div", { testid: "stExpanderDetails" }, body));
    const el = h("div", { testid: "stExpander", class: "wl-expander wl-status" }, details);
    let expanded = Boolean(props.expanded);
    const draw = (p) => {
      iconSlot.replaceChildren(statusIcon(p.icon));
      view.renderMarkdown(text, p.label, false, true);
      el.dataset.state = p.state;
      // A null `expanded` (update() without it) keeps what the user opened or closed.
      if (typeof p.expanded === "boolean" && p.expanded !== expanded) {
        expanded = p.expanded;
        details.open = expanded;
      }
      setWidth(el, p.width);
    };
    draw(props);
    return { el, body, update: (p) => draw(p) };
  },
};
