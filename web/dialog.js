// st.dialog: a block in the event area drawn as a modal. The dialog builder is in BLOCKS,
// merged with the other block kinds by block-kinds.js.
import { h } from "./dom.js";

// A modal in the event area. Closing it (Escape, the close button, a click outside)
// detaches the modal but keeps its body, so a rerun that reopens it finds it intact.
function makeDialog(props, view) {
  const slot = h("div", { class: "wl-dialog-slot" });
  const body = h("div", { testid: "stVerticalBlock", class: "wl-vblock" });
  const title = h("div", { testid: "stMarkdownContainer", class: "wl-md wl-dialog-title" });
  const close = h("button", { type: "button", class: "wl-dialog-close", "aria-label": "Close" }, "×");
  const box = h("div", { role: "dialog", "aria-modal": "true", "aria-label": "dialog", tabindex: "-1",
    class: `wl-dialog-box wl-dialog-${props.width}` }, h("div", { class: "wl-dialog-head" }, title, close),
    h("div", { class: "wl-dialog-body" }, body));
  const modal = h("div", { testid: "stDialog", class: "wl-dialog" }, box);
  let returnFocus = null;

  const draw = (p) => {
    view.renderMarkdown(title, p.title, false, true);
    close.hidden = !p.dismissible;
  };
  // While open, the modal owns the keyboard: Escape dismisses, Tab cycles inside it.
  const onKey = (ev) => {
    if (ev.key === "Escape") { ev.preventDefault(); dismiss(); }
    else if (ev.key === "Tab") trapFocus(box, ev);
  };
  const hide = () => {
    modal.remove();
    document.removeEventListener("keydown", onKey, true);
  };
  const open = () => {
    if (modal.isConnected) return;
    returnFocus = document.activeElement;
    slot.append(modal);
    document.addEventListener("keydown", onKey, true);
    // The slot joins the page after the builder returns: focus once it is there.
    requestAnimationFrame(() => { if (modal.isConnected && !box.contains(document.activeElement)) box.focus(); });
  };
  const dismiss = () => {
    if (!props.dismissible || !modal.isConnected) return;
    hide();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
    if (props.dismiss_id) view.sendWidget(props.dismiss_id, true);
  };
  close.addEventListener("click", dismiss);
  modal.addEventListener("mousedown", (ev) => { if (ev.target === modal) dismiss(); });
  draw(props);
  open();
  return {
    el: slot, body,
    update(p, before) {
      props = p;
      draw(p);
      if (p.opened !== before.opened) open();
    },
    dispose: hide,
  };
}

// Keep Tab and Shift+Tab inside a modal.
function trapFocus(container, ev) {
  const focusable = [...container.querySelectorAll(
    "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])")]
    .filter((e) => !e.disabled && e.offsetParent !== null);
  if (!focusable.length) { ev.preventDefault(); return; }
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!container.contains(document.activeElement)) {
    // Focus got outside (it had not moved in yet): Tab brings it back into the modal.
    ev.preventDefault();
    (ev.shiftKey ? last : first).focus();
  } else if (ev.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    ev.preventDefault(); last.focus();
  } else if (!ev.shiftKey && document.activeElement === last) {
    ev.preventDefault(); first.focus();
  }
}

/** @satisfies {import("./protocol").SomeBlockBuilders} */
export const BLOCKS = {
  dialog(props, view) {
    return makeDialog(props, view);
  },
};
