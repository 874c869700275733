// Status elements: alerts, exceptions, balloons, spinner.
import { h } from "../dom.js";
import { markdownContainer } from "../widget-parts.js";

export const BUILDERS = {
  alert(props, view) {
    const kind = props.type[0].toUpperCase() + props.type.slice(1);
    const content = h("div", { testid: `stAlertContent${kind}`, class: "wl-alert-content" });
    if (props.icon) content.append(h("span", { class: "wl-icon" }, props.icon));
    content.append(markdownContainer(view, props.body, false));
    const el = h("div", { testid: "stAlert", class: `wl-alert wl-alert-${props.type}` },
      h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" }, content));
    return { el };
  },

  exception(props, view) {
    // "Type: message". Streamlit's own errors carry Markdown (rendered, so no backticks
    // show); any other message is plain text.
    const message = h("div", { testid: "stExceptionMessage", class: "wl-exc-message" });
    const type = h("strong", { class: "wl-exc-type" });
    type.textContent = props.type;
    if (props.markdown) {
      const body = h("div", { testid: "stMarkdownContainer", class: "wl-md" });
      view.renderMarkdown(body, props.message, false);
      const first = body.firstElementChild && body.firstElementChild.tagName === "P" ? body.firstElementChild : null;
      if (first) first.prepend(type, ": ");
      else body.prepend(h("p", {}, type, ": "));
      message.append(body);
    } else {
      message.append(type, document.createTextNode(props.message ? `: ${props.message}` : ""));
    }
    const content = h("div", { testid: "stAlertContentError", class: "wl-alert-content wl-exc-content" }, message);
    if (props.traceback.length) {
      const rows = props.traceback.map((line) => {
        const row = h("div", { testid: "stExceptionTraceRow", class: "wl-exc-row" });
        row.textContent = line;
        return row;
      });
      content.append(h("div", { testid: "stExceptionTraceback", class: "wl-exc-trace" },
        h("p", { class: "wl-exc-trace-title" }, "Traceback:"), h("pre", {}, ...rows)));
    }
    const el = h("div", { testid: "stException", class: "wl-exception" + (props.is_warning ? " wl-exc-warning" : "") },
      h("div", { testid: "stAlertContainer", role: "alert", class: "wl-alert-box" }, content));
    return { el };
  },

  balloons() {
    const el = h("div", { testid: "stBalloons", class: "wl-balloons", "aria-hidden": "true" });
    for (let i = 0; i < 24; i++) {
      const b = h("span", { class: "wl-balloon" }, "🎈");
      b.style.left = `${(i * 37) % 100}%`;
      b.style.animationDelay = `${(i % 8) * 0.12}s`;
      el.append(b);
    }
    setTimeout(() => el.replaceChildren(), 4000);
    return { el };
  },

  spinner(props) {
    const text = h("div", { role: "status", class: "wl-spinner-text" });
    text.textContent = props.text;
    const el = h("div", { testid: "stSpinner", class: "wl-spinner" },
      h("i", { testid: "stSpinnerIcon", class: "wl-spinner-icon", "aria-hidden": "true" }), text);
    return { el };
  },
};

// Status containers (st.status) are blocks: {el, body, update?}.
export const BLOCKS = {};
