// Layout containers: how each block kind looks, and where its children go. Each builder
// returns {el, body, update?, childAdded?}: render.js puts the block's children in `body`.
import { h } from "./dom.js";

// Block kinds: how each container looks, and where its children go.
export const BLOCKS = {
  vertical(props) {
    const el = h("div", { testid: "stVerticalBlock", class: "wl-vblock" + (props.border ? " wl-border" : "") });
    if (props.fragment) el.classList.add("wl-fragment");
    if (props.height) { el.style.height = `${props.height}px`; el.style.overflow = "auto"; }
    return { el, body: el };
  },
  empty() {
    const el = h("div", { class: "wl-empty" });
    return { el, body: el };
  },
  horizontal(props) {
    const el = h("div", { testid: "stHorizontalBlock", class: `wl-hblock wl-gap-${props.gap || "small"}` });
    return { el, body: el };
  },
  column(props) {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { testid: "stColumn", class: "wl-column" + (props.border ? " wl-border" : "") }, body);
    el.style.flex = `${props.weight} 1 0%`;
    return { el, body };
  },
  expander(props) {
    const label = h("span", { class: "wl-expander-label" });
    label.textContent = props.label;
    const summary = h("summary", {}, label);
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const details = h("details", { open: props.expanded }, summary,
      h("div", { testid: "stExpanderDetails" }, body));
    const el = h("div", { testid: "stExpander", class: "wl-expander" }, details);
    return { el, body, update(p) { label.textContent = p.label; } };
  },
  tabs(props) {
    const list = h("div", { role: "tablist", class: "wl-tablist" });
    const panels = h("div", { class: "wl-tabpanels" });
    const el = h("div", { testid: "stTabs", class: "wl-tabs" }, list, panels);
    let active = 0;
    const select = (i) => {
      active = i;
      list.querySelectorAll("[role=tab]").forEach((b, j) => {
        b.setAttribute("aria-selected", String(j === i));
        b.tabIndex = j === i ? 0 : -1;
      });
      [...panels.children].forEach((p, j) => { p.hidden = j !== i; });
    };
    const drawTabs = (labels) => {
      list.replaceChildren(...labels.map((text, i) => {
        const b = h("button", { role: "tab", testid: "stTab", type: "button", class: "wl-tab" }, h("p", {}));
        b.firstChild.textContent = text;
        b.addEventListener("click", () => select(i));
        b.addEventListener("keydown", (ev) => {
          const n = labels.length;
          if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
            const next = (i + (ev.key === "ArrowRight" ? 1 : n - 1)) % n;
            select(next);
            list.children[next].focus();
          }
        });
        return b;
      }));
      select(Math.min(active, labels.length - 1));
    };
    drawTabs(props.labels);
    return { el, body: panels, update(p) { drawTabs(p.labels); }, childAdded() { select(active); } };
  },
  tab() {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { role: "tabpanel", testid: "stTabPanel", class: "wl-tabpanel" }, body);
    return { el, body };
  },
  form(props) {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { testid: "stForm", class: "wl-form" + (props.border ? " wl-border" : "") }, body);
    el.dataset.formId = props.form_id;
    return { el, body };
  },
};
