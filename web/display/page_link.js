// st.page_link (stPageLink > stPageLink-NavLink): a link to a page of the app (it reruns
// on that page, as navigation.js's links do) or to another site. Loaded on first need.
import { h } from "../dom.js";
import { iconElement } from "../widgets/basic.js";
import { setTooltip } from "../tooltip.js";
import { goTo, pageHref, takesClick } from "./navigation.js";

function linkLabel(view, text) {
  const p = h("p");
  view.renderMarkdown(p, text, false, true);
  return h("span", { class: "wl-page-link-label" }, h("div", { testid: "stMarkdownContainer", class: "wl-md" }, p));
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  page_link(props, view) {
    const make = () => {
      const a = h("a", { testid: "stPageLink-NavLink", class: "wl-page-link", rel: "noreferrer" });
      a.addEventListener("click", (ev) => {
        const p = a.wlProps;
        if (p.disabled) { ev.preventDefault(); return; }
        if (p.external || !takesClick(ev)) return;
        ev.preventDefault();
        goTo(view, p.page_hash);
      });
      return a;
    };
    const el = h("div", { testid: "stPageLink", class: "wl-page-link-row" });
    const copies = [make()];
    const draw = (p) => {
      if (p.help) {
        if (copies.length === 1) copies.push(make());
        const target = h("div", { testid: "stTooltipHoverTarget", class: "wl-tooltip-target" }, copies[0]);
        setTooltip(target, p.help, view);
        el.replaceChildren(
          h("div", { class: "wl-help-wrap" }, h("div", { testid: "stTooltipIcon", class: "wl-tooltip" }, target)),
          h("div", { class: "wl-touch-copy" }, copies[1]));
      } else {
        el.replaceChildren(copies[0]);
      }
      for (const a of copies) {
        a.wlProps = p;
        const href = p.external ? p.page : pageHref(p.page);
        if (p.external && !/^https?:/i.test(href)) a.removeAttribute("href"); else a.href = href;
        a.target = p.external ? "_blank" : "";
        a.toggleAttribute("disabled", Boolean(p.disabled));
        if (p.disabled) a.setAttribute("aria-disabled", "true"); else a.removeAttribute("aria-disabled");
        a.tabIndex = p.disabled ? -1 : 0;
        a.classList.toggle("wl-page-link-active", Boolean(p.current));
        a.replaceChildren(...[iconElement(p.icon ? p.icon.replace(/^emoji:/, "") : ""), linkLabel(view, p.label)].filter(Boolean));
      }
      el.classList.toggle("wl-stretch", p.width === "stretch");
      el.style.width = typeof p.width === "number" ? `${p.width}px` : "";
    };
    draw(props);
    return { el, update: (p) => draw(p) };
  },
};
