// Layout containers: how each block kind looks, and where its children go. Each builder
// returns {el, body, update?, childAdded?, dispose?}: render.js puts the block's children
// in `body`. Test hooks (data-testid, ARIA) follow Streamlit 1.50's DOM.
import { h, keyClass, setClasses, svgIcon } from "./dom.js";
import { materialName, materialSpan } from "./icons.js";
import { setTooltip } from "./tooltip.js";

let nextUid = 1;
const uid = (prefix) => `wl-${prefix}-${nextUid++}`;

// A fixed pixel width (an int) or Streamlit's "stretch"/"content".
function applyWidth(el, width) {
  el.classList.toggle("wl-w-content", width === "content");
  el.style.width = typeof width === "number" ? `${width}px` : "";
  el.style.maxWidth = typeof width === "number" ? "100%" : "";
}

// An icon as Streamlit draws it: an emoji as text; a ":material/name:" as the icon's name
// in a stIconMaterial span, which the icon font (web/styles/fonts.css) draws as the glyph.
export function iconEl(icon, testid = "stIconEmoji") {
  if (!icon) return null;
  const material = materialName(icon);
  // A material icon carries the caller's test id (stExpanderIcon), else stIconMaterial (1.50).
  if (material) return materialSpan(material, testid === "stIconEmoji" ? "stIconMaterial" : testid);
  const el = h("span", { testid, "aria-hidden": "true", class: "wl-block-icon" });
  el.textContent = icon;
  return el;
}

function markdownLabel(view, text) {
  const p = h("p");
  view.renderMarkdown(p, text, false, true);
  return h("div", { testid: "stMarkdownContainer", class: "wl-md wl-inline-md" }, p);
}

// A chevron drawn in SVG (no icon font).
function chevron(cls) {
  return svgIcon("M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6 1.41-1.41z", { cls });
}

function vertical(props) {
  const el = h("div", { testid: props.horizontal ? "stHorizontalBlock" : "stVerticalBlock", class: "wl-vblock" });
  const draw = (p) => {
    setClasses(el, p.horizontal ? "wl-flexrow" : "wl-vblock");
    if (p.border) el.classList.add("wl-border");
    if (p.fragment) el.classList.add("wl-fragment");
    if (p.gap) el.classList.add(`wl-gap-${p.gap}`);
    if (p.key) el.classList.add(keyClass(p.key));
    el.style.height = p.height ? `${p.height}px` : "";
    el.style.overflow = p.height ? "auto" : "";
    el.style.justifyContent = p.justify && p.justify !== "start" ? p.justify : "";
    el.style.alignItems = p.align && p.align !== "start" ? p.align : "";
    if (p.horizontal && p.align === "start") el.style.alignItems = "flex-start";
    applyWidth(el, p.width);
  };
  draw(props);
  return { el, body: el, update: draw };
}

function tabs(props, view) {
  const list = h("div", { role: "tablist", "aria-orientation": "horizontal", class: "wl-tablist" });
  const panels = h("div", { class: "wl-tabpanels" });
  const el = h("div", { testid: "stTabs", class: "wl-tabs" }, list, panels);
  const base = uid("tabs");
  let active = props.default || 0;
  let labels = [];
  const select = (i, focus = false) => {
    active = i;
    [...list.children].forEach((b, j) => {
      b.setAttribute("aria-selected", String(j === i));
      b.tabIndex = j === i ? 0 : -1;
    });
    [...panels.children].forEach((p, j) => {
      p.hidden = j !== i;
      p.id = `${base}-tabpanel-${j}`;
      p.setAttribute("aria-labelledby", `${base}-tab-${j}`);
    });
    if (focus && list.children[i]) list.children[i].focus();
  };
  const onKey = (ev) => {
    const n = labels.length;
    const moves = { ArrowRight: active + 1, ArrowLeft: active - 1 + n, Home: 0, End: n - 1 };
    if (!(ev.key in moves)) return;
    ev.preventDefault();
    select(moves[ev.key] % n, true);
  };
  const draw = (p) => {
    labels = p.labels;
    list.replaceChildren(...labels.map((text, i) => {
      const b = h("button", { role: "tab", testid: "stTab", type: "button", class: "wl-tab",
        id: `${base}-tab-${i}`, "aria-controls": `${base}-tabpanel-${i}` }, markdownLabel(view, text));
      b.addEventListener("click", () => select(i));
      b.addEventListener("keydown", onKey);
      return b;
    }));
    select(Math.min(active, labels.length - 1));
  };
  draw(props);
  return {
    el, body: panels,
    update(p, before) {
      if (p.default !== before.default) active = p.default || 0;
      draw(p);
    },
    childAdded() { select(active); },
  };
}

function expander(props, view) {
  const label = h("div", { class: "wl-expander-label" });
  const icon = h("span", { class: "wl-expander-icon" });
  const summary = h("summary", { class: "wl-expander-summary" },
    h("span", { class: "wl-expander-head" }, icon, label), chevron("wl-chevron"));
  const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
  const details = h("details", { open: props.expanded }, summary,
    h("div", { testid: "stExpanderDetails", class: "wl-expander-details" }, body));
  const el = h("div", { testid: "stExpander", class: "wl-expander" }, details);
  const draw = (p) => {
    label.replaceChildren(markdownLabel(view, p.label));
    const i = iconEl(p.icon, "stExpanderIcon");
    icon.replaceChildren(...(i ? [i] : []));
    applyWidth(el, p.width);
  };
  draw(props);
  return {
    el, body,
    update(p, before) {
      draw(p);
      if (p.expanded !== before.expanded) details.open = p.expanded;
    },
  };
}

// st.popover: a button that opens a floating panel; a click outside or Escape closes it.
function popover(props, view) {
  const text = h("span", { class: "wl-stpop-text" });
  const button = h("button", { type: "button", testid: "stPopoverButton", class: "wl-button wl-stpop-button",
    "aria-haspopup": "dialog", "aria-expanded": "false" }, text, chevron("wl-chevron"));
  const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
  const panel = h("div", { testid: "stPopoverBody", class: "wl-stpop-body", role: "dialog", hidden: true }, body);
  const anchor = h("div", { class: "wl-stpop-anchor" }, button);
  const el = h("div", { testid: "stPopover", class: "wl-stpop" }, anchor, panel);
  const onDown = (ev) => { if (!el.contains(ev.target)) close(); };
  const onKey = (ev) => { if (ev.key === "Escape") { ev.preventDefault(); close(); button.focus(); } };
  const open = () => {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    document.addEventListener("mousedown", onDown, true);
    document.addEventListener("keydown", onKey, true);
  };
  function close() {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("mousedown", onDown, true);
    document.removeEventListener("keydown", onKey, true);
  }
  button.addEventListener("click", () => (panel.hidden ? open() : close()));
  let help = null;
  const draw = (p) => {
    const i = iconEl(p.icon);
    text.replaceChildren(...(i ? [i] : []), markdownLabel(view, p.label));
    button.disabled = !!p.disabled;
    if (p.disabled) close();
    // Like Streamlit, the help is the button's tooltip (stTooltipIcon around the button).
    if (p.help && !help) {
      help = h("div", { testid: "stTooltipHoverTarget", class: "wl-stpop-tip" });
      anchor.replaceChildren(h("div", { testid: "stTooltipIcon", class: "wl-stpop-tip" }, help));
      help.append(button);
    } else if (!p.help && help) {
      anchor.replaceChildren(button);
      help = null;
    }
    if (help) setTooltip(help, p.help, view);
    el.classList.toggle("wl-stpop-stretch", p.width === "stretch");
    if (typeof p.width === "number") el.style.width = `${p.width}px`;
  };
  draw(props);
  return { el, body, update: draw, dispose: close };
}

// Streamlit's chat avatars (Material "face" and "smart_toy"), drawn as inline SVG.
const AVATAR_PATHS = {
  user: "M10.25 13a1.25 1.25 0 11-2.5 0 1.25 1.25 0 012.5 0zM15 11.75a1.25 1.25 0 100 2.5 1.25 1.25 0 000-2.5zm7 .25c0 5.52-4.48 10-10 10S2 17.52 2 12 6.48 2 12 2s10 4.48 10 10zM10.66 4.12C12.06 6.44 14.6 8 17.5 8c.46 0 .91-.05 1.34-.12C17.44 5.56 14.9 4 12 4c-.46 0-.91.05-1.34.12zM4.42 9.47a8.046 8.046 0 003.66-4.44 8.046 8.046 0 00-3.66 4.44zM20 12c0-.78-.12-1.53-.33-2.24-.7.15-1.42.24-2.17.24a10 10 0 01-7.76-3.69A10.016 10.016 0 014 11.86c.01.04 0 .09 0 .14 0 4.41 3.59 8 8 8s8-3.59 8-8z",
  assistant: "M20 9V7c0-1.1-.9-2-2-2h-3c0-1.66-1.34-3-3-3S9 3.34 9 5H6c-1.1 0-2 .9-2 2v2c-1.66 0-3 1.34-3 3s1.34 3 3 3v4c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2v-4c1.66 0 3-1.34 3-3s-1.34-3-3-3zm-2 10H6V7h12v12zm-9-6c-.83 0-1.5-.67-1.5-1.5S8.17 10 9 10s1.5.67 1.5 1.5S9.83 13 9 13zm7.5-1.5c0 .83-.67 1.5-1.5 1.5s-1.5-.67-1.5-1.5.67-1.5 1.5-1.5 1.5.67 1.5 1.5zM8 15h8v2H8v-2z",
};

function avatarSvg(which) {
  return svgIcon(AVATAR_PATHS[which]);
}

function chatAvatar(p) {
  if (p.avatar_type === "icon" && AVATAR_PATHS[p.avatar]) {
    const which = p.avatar === "user" ? "User" : "Assistant";
    return h("div", { testid: `stChatMessageAvatar${which}`, class: `wl-avatar wl-avatar-${p.avatar}` },
      avatarSvg(p.avatar));
  }
  if (p.avatar_type === "image") {
    return h("img", { class: "wl-avatar wl-avatar-image", src: p.avatar, alt: `${p.name} avatar` });
  }
  if (p.avatar_type === "emoji") {
    const el = h("div", { class: "wl-avatar wl-avatar-emoji" });
    el.textContent = p.avatar;
    return el;
  }
  if (materialName(p.avatar)) {
    return h("div", { testid: "stChatMessageAvatarCustom", class: "wl-avatar wl-avatar-custom" }, iconEl(p.avatar));
  }
  // No avatar: the first letter of the name, as Streamlit does.
  const el = h("div", { class: "wl-avatar wl-avatar-letter" });
  el.textContent = (p.name || "").slice(0, 1).toUpperCase();
  return el;
}

function chatMessage(props) {
  const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
  const content = h("div", { testid: "stChatMessageContent", class: "wl-chat-content" }, body);
  const el = h("div", { testid: "stChatMessage", class: "wl-chat-message" });
  const draw = (p) => {
    el.replaceChildren(chatAvatar(p), content);
    content.setAttribute("aria-label", `Chat message from ${p.name}`);
    el.classList.toggle("wl-chat-user", p.avatar === "user" && p.avatar_type === "icon");
    applyWidth(el, p.width);
  };
  draw(props);
  return { el, body, update: draw };
}

// Block kinds: how each container looks, and where its children go.
/** @satisfies {import("./protocol").SomeBlockBuilders} */
export const BLOCKS = {
  vertical,
  // st.empty(): while nothing is in it, Streamlit draws an stEmpty element there (taking no
  // space); what the script puts in replaces it.
  empty() {
    const body = h("div", { class: "wl-empty" });
    const marker = h("div", { testid: "stEmpty", class: "wl-empty-marker" });
    const el = h("div", { class: "wl-empty" }, marker, body);
    const sync = () => {
      if (body.childElementCount) marker.remove();
      else if (!marker.parentNode) el.prepend(marker);
    };
    const watch = new MutationObserver(sync);
    watch.observe(body, { childList: true });
    return { el, body, dispose() { watch.disconnect(); } };
  },
  horizontal(props) {
    const el = h("div", { testid: "stHorizontalBlock", class: "wl-hblock" });
    const draw = (p) => {
      setClasses(el, `wl-hblock wl-gap-${p.gap || "small"}`);
      applyWidth(el, p.width);
    };
    draw(props);
    return { el, body: el, update: draw };
  },
  column(props) {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { testid: "stColumn", class: "wl-column" }, body);
    const draw = (p) => {
      setClasses(el, "wl-column" + (p.border ? " wl-border" : "") + ` wl-valign-${p.vertical_alignment || "top"}`);
      setClasses(body, `wl-vblock wl-gap-${p.gap || "small"}`);
      el.style.flex = `${p.weight} 1 0%`;
    };
    draw(props);
    return { el, body, update: draw };
  },
  expander,
  tabs,
  tab() {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { role: "tabpanel", testid: "stTabPanel", class: "wl-tabpanel" }, body);
    return { el, body };
  },
  popover,
  chat_message: chatMessage,
  form(props) {
    const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
    const el = h("div", { testid: "stForm", class: "wl-form" + (props.border ? " wl-border" : "") }, body);
    el.dataset.formId = props.form_id;
    return { el, body };
  },
};
