// Button groups: st.pills, st.segmented_control and st.feedback. The value is the list of
// selected button indices. Single selection behaves like a radio group (clicking the
// selected button clears it; arrow keys move the selection), multi like checkboxes.
import { h, setClasses } from "../dom.js";
import { relabel, widgetLabel, widgetWidth } from "../widget-parts.js";
import { materialName, materialSpan } from "../icons.js";

const KIND = { pills: "pills", segmented_control: "segmented_control", borderless: "borderlessIcon" };

// Icons drawn for the material icons feedback uses (there is no icon font offline). Each
// is a 24x24 drawing used as a mask, so it takes the button's text colour.
const FACE = '<circle cx="12" cy="12" r="9" fill="none" stroke="#000" stroke-width="1.8"/>' +
  '<circle cx="9" cy="9.8" r="1.25"/><circle cx="15" cy="9.8" r="1.25"/>';
const MOUTH = (d) => `<path d="${d}" fill="none" stroke="#000" stroke-width="1.8" stroke-linecap="round"/>`;
const THUMB = '<path d="M7 10.5V20H3.5v-9.5H7zm0 0 4.3-6.6c.5-.7 1.4-.9 2.1-.4.6.4.9 1.2.7 1.9L13.2 9h5.9c1.2 0 2.1 1.1 1.9 2.3l-1.4 6.9c-.2 1.1-1.2 1.8-2.3 1.8H7" fill="none" stroke="#000" stroke-width="1.8" stroke-linejoin="round"/>';

function starPoints(cx, cy, outer, inner) {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? inner : outer;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`);
  }
  return points.join(" ");
}

const STAR_OUTLINE = `<polygon points="${starPoints(12, 12.6, 9.5, 4.2)}" fill="none" stroke="#000" stroke-width="1.8" stroke-linejoin="round"/>`;
const ICONS = {
  thumb_up: THUMB,
  thumb_down: `<g transform="rotate(180 12 12)">${THUMB}</g>`,
  sentiment_sad: FACE + MOUTH("M8 17.2c1-1.8 2.4-2.6 4-2.6s3 .8 4 2.6"),
  sentiment_dissatisfied: FACE + MOUTH("M8.8 16.4c.9-.8 2-1.2 3.2-1.2s2.3.4 3.2 1.2"),
  sentiment_neutral: FACE + MOUTH("M9 15.6h6"),
  sentiment_satisfied: FACE + MOUTH("M8.8 14.6c.9.8 2 1.2 3.2 1.2s2.3-.4 3.2-1.2"),
  sentiment_very_satisfied: FACE + '<path d="M7.8 13.6h8.4c-.3 2.3-2 3.9-4.2 3.9s-3.9-1.6-4.2-3.9z"/>',
  star: STAR_OUTLINE,
};
const FILLED_STAR = "data:image/svg+xml," + encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 24 24"><polygon points="${starPoints(12, 12.6, 9.5, 4.2)}" fill="#FACA2B" stroke="#FACA2B" stroke-width="1.5" stroke-linejoin="round"/></svg>`);

function svgUrl(body) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${body}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

// An icon as Streamlit writes it: a material icon's name in a stIconMaterial span (drawn
// here where we know the icon), an emoji in a stIconEmoji span, the filled star an image.
function icon(name) {
  if (!name) return null;
  if (name === ":material/star_filled:") {
    return h("span", { class: "wl-bg-icon" }, h("img", { testid: "stImageIcon", src: FILLED_STAR, alt: "", class: "wl-bg-img" }));
  }
  const material = materialName(name);
  if (material) {
    const span = materialSpan(material, "stIconMaterial", "wl-mi");
    if (ICONS[material]) {
      span.classList.add("wl-mi-drawn");
      span.style.setProperty("--wl-mask", svgUrl(ICONS[material]));
    }
    return h("span", { class: "wl-bg-icon" }, span);
  }
  const emoji = h("span", { testid: "stIconEmoji", "aria-hidden": "true", class: "wl-bg-emoji" });
  emoji.textContent = name;
  return h("span", { class: "wl-bg-icon" }, emoji);
}

// Values are null, text, or lists (compared by content).
function sameValue(a, b) {
  if (a === b) return true;
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

function groupBuilder(style) {
  return (props, view) => {
    let selected = [...(props.value || [])];
    let label = widgetLabel(view, props, null);
    const row = h("div", { class: `wl-bg-row wl-bg-${style}`, "data-baseweb": "button-group",
      "aria-label": "button group" });
    const el = h("div", { testid: "stButtonGroup", class: "wl-button-group" }, label, row);
    let buttons = [];

    const single = () => props.click_mode === "single";
    const shownSelected = (i) => selected.includes(i) || (single() &&
      props.visualization === "all_up_to_selected" && selected.length > 0 && i < selected[0]);

    function press(i) {
      if (props.disabled) return;
      if (single()) selected = selected.includes(i) ? [] : [i];
      else selected = selected.includes(i) ? selected.filter((j) => j !== i) : [...selected, i];
      draw();
      if (!props.form) view.sendWidget(props.id, [...selected]);
    }

    function build() {
      row.setAttribute("role", single() ? "radiogroup" : "group");
      buttons = props.options.map((option, i) => {
        const b = h("button", { type: "button", class: "wl-bg-button" });
        // Every button is a Tab stop pressed with Enter or Space; Streamlit 1.50's groups
        // do not move the selection with arrow keys.
        b.addEventListener("click", () => press(i));
        b.dataset.option = String(i);
        return b;
      });
      row.replaceChildren(...buttons);
      draw();
    }

    // Each button's look follows the selection: kind (testid), icon, focus order.
    function draw() {
      const base = KIND[props.style] || "pills";
      buttons.forEach((b, i) => {
        const option = props.options[i];
        const on = shownSelected(i);
        const swapIcon = on && option.selected_icon;
        const kind = on && !option.selected_icon ? `${base}Active` : base;
        b.setAttribute("kind", kind);
        b.dataset.testid = `stBaseButton-${kind}`;
        setClasses(b, `wl-bg-button wl-bg-${base}${on ? " wl-bg-on" : ""}`);
        b.setAttribute("aria-pressed", String(selected.includes(i)));
        b.disabled = Boolean(props.disabled);
        const content = [icon(swapIcon ? option.selected_icon : option.icon)];
        if (option.content) {
          const text = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-bg-text" });
          view.renderMarkdown(text, option.content, false, true);
          content.push(text);
        }
        b.replaceChildren(...content.filter(Boolean));
      });
    }

    widgetWidth(el, props.width);
    build();
    return {
      el, formId: props.form,
      read: () => [...selected],
      update(p, before) {
        const layoutChanged = !sameValue(p.options, before.options) || p.click_mode !== before.click_mode;
        props = p;
        if (!sameValue(p.value, before.value)) selected = [...(p.value || [])];
        label = relabel(view, label, p, before);
        widgetWidth(el, p.width);
        // Rebuilding would drop keyboard focus, so buttons are only redrawn unless the options changed.
        if (layoutChanged) build(); else draw();
      },
    };
  };
}

export const BUTTON_GROUPS = {
  pills: groupBuilder("pills"),
  segmented_control: groupBuilder("segmented_control"),
  feedback: groupBuilder("borderless"),
};
