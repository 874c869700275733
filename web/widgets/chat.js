// st.chat_input: a growing text box and a send button. Enter sends (Shift+Enter makes a
// new line), the box empties, and the script gets the text for one run. Pinned to the
// bottom of the page (Python puts it in the bottom area), it keeps the page scrolled to
// the newest message while the reader is at the bottom.
import { h, svgIcon } from "../dom.js";
import { withinMaxChars } from "../widget-parts.js";

const SEND_ICON = "M3 5.51v3.71c0 .46.31.86.76.97L11 12l-7.24 1.81c-.45.11-.76.51-.76.97v3.71c0 .72.73 1.2 1.39.92l15.42-6.49c.82-.34.82-1.5 0-1.84L4.39 4.58C3.73 4.31 3 4.79 3 5.51z";
const MAX_HEIGHT = 200;  // px; the box grows with its text up to this, then scrolls

function sendIcon() {
  return svgIcon(SEND_ICON);
}

// While the reader is at the bottom of the page, content that makes the page taller keeps
// it there (as Streamlit's scroll-to-bottom container). "At the bottom" is judged against
// the height the page had before the change, so a scroll made meanwhile (the reader's, or
// a test scrolling an element into view) is respected.
function stickToBottom(view) {
  const page = document.documentElement;
  let lastHeight = page.scrollHeight;
  const observer = new MutationObserver(() => {
    const height = page.scrollHeight;
    const wasAtBottom = window.scrollY + window.innerHeight >= lastHeight - 8;
    if (height > lastHeight && wasAtBottom) window.scrollTo(0, height);
    lastHeight = height;
  });
  observer.observe(view.mainBody, { childList: true, subtree: true, characterData: true });
  // A page with a pinned chat input opens at its bottom.
  const frame = requestAnimationFrame(() => {
    lastHeight = page.scrollHeight;
    window.scrollTo(0, lastHeight);
  });
  return () => { cancelAnimationFrame(frame); observer.disconnect(); };
}

// --- files (accept_file) ------------------------------------------------------------------

const PAPERCLIP = "M16.5 6v11.5c0 2.21-1.79 4-4 4s-4-1.79-4-4V5a2.5 2.5 0 0 1 5 0v10.5c0 .55-.45 1-1 1s-1-.45-1-1V6H10v9.5a2.5 2.5 0 0 0 5 0V5c0-2.21-1.79-4-4-4S7 2.79 7 5v12.5c0 3.04 2.46 5.5 5.5 5.5s5.5-2.46 5.5-5.5V6h-1.5z";

function svg(pathData) {
  const icon = sendIcon();
  /** @type {SVGPathElement} */ (icon.firstChild).setAttribute("d", pathData);
  return icon;
}

// Streamlit's size text: "8.0B", "24.2KB", "1.3MB".
function sizeLabel(bytes) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (unit < units.length - 1 && value > 500) { value /= 1000; unit += 1; }
  return `${value.toFixed(1)}${units[unit]}`;
}

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => { const url = String(reader.result); resolve(url.slice(url.indexOf(",") + 1)); };
    reader.onerror = () => reject(reader.error || new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

let fileCounter = 0;

// The attach button and the list of chosen files; `files()` are those that can be sent.
function fileAttachments(props, onChange) {
  let chosen = [];  // {id, file, error}
  const input = h("input", { type: "file", hidden: true, tabindex: "-1" });
  const button = h("button", { type: "button", class: "wl-chat-attach" }, svg(PAPERCLIP));
  const holder = h("div", { testid: "stChatInputFileUploadButton", class: "wl-chat-attach-box" }, input, button);
  const list = h("div", { testid: "stChatUploadedFiles", class: "wl-chat-files" });
  const configure = (p) => {
    props = p;
    const what = p.accept_file === "multiple" ? "files" : p.accept_file === "directory" ? "a directory" : "a file";
    button.title = `Upload or drag and drop ${what}`;
    button.setAttribute("aria-label", button.title);
    input.multiple = p.accept_file === "multiple" || p.accept_file === "directory";
    input.toggleAttribute("webkitdirectory", p.accept_file === "directory");
    input.accept = (p.file_type || []).join(",");
    button.disabled = Boolean(p.disabled);
  };
  const allowed = (file) => {
    const types = props.file_type || [];
    const name = (file.webkitRelativePath || file.name).toLowerCase();
    return !types.length || types.some((t) => name.endsWith(t));
  };
  const draw = () => {
    list.replaceChildren(...chosen.map((item) => {
      const remove = h("button", { type: "button", class: "wl-chat-file-delete", "aria-label": "Remove file" }, "×");
      remove.addEventListener("click", () => { chosen = chosen.filter((c) => c !== item); draw(); onChange(); });
      const name = h("div", { testid: "stChatInputFileName", class: "wl-chat-file-name", title: item.file.name });
      name.textContent = item.file.name;
      const size = h("div", { class: "wl-chat-file-size" });
      size.textContent = item.error || sizeLabel(item.file.size);
      return h("div", { testid: "stChatInputFile", class: "wl-chat-file" + (item.error ? " wl-chat-file-error" : "") },
        name, size, h("small", { testid: "stChatInputDeleteBtn" }, remove));
    }));
  };
  const add = (files) => {
    const multiple = props.accept_file === "multiple" || props.accept_file === "directory";
    const fresh = [...files].filter((f) => props.accept_file !== "directory" || allowed(f)).map((file) => {
      let error = null;
      if (!allowed(file)) error = `${file.type || "This file type"} files are not allowed.`;
      else if (file.size > props.max_upload_size_mb * 1e6) error = `File must be ${props.max_upload_size_mb}.0MB or smaller.`;
      fileCounter += 1;
      return { id: `chat-file-${fileCounter}`, file, error };
    });
    chosen = multiple ? [...chosen, ...fresh] : fresh.slice(-1);
    draw();
    onChange();
  };
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => { add(input.files); input.value = ""; });
  configure(props);
  return {
    holder, list, configure, add,
    files: () => chosen.filter((c) => !c.error),
    clear() { chosen = []; draw(); },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  chat_input(props, view) {
    const area = h("textarea", { testid: "stChatInputTextArea", class: "wl-chat-textarea", rows: "1",
      placeholder: props.placeholder, "aria-label": props.placeholder, disabled: props.disabled,
      inputmode: "text", autocomplete: "on" });
    const send = h("button", { type: "button", testid: "stChatInputSubmitButton", class: "wl-chat-send",
      disabled: true }, sendIcon());
    const hints = h("div", { testid: "InputInstructions", class: "wl-instructions wl-chat-hints" });
    const box = h("div", { class: "wl-chat-box" },
      h("div", { class: "wl-chat-field" }, area),
      h("div", { class: "wl-chat-hints-box" }, hints),
      h("div", { class: "wl-chat-send-box" }, send));
    const chat = h("div", { testid: "stChatInput", class: "wl-chat-input" }, box);
    let accepted = "";
    let sending = false;
    const attachments = props.accept_file ? fileAttachments(props, () => refresh()) : null;
    if (attachments) box.prepend(attachments.holder);
    const el = attachments ? h("div", { class: "wl-chat-with-files" }, attachments.list, chat) : chat;
    if (attachments) {
      // Files dropped anywhere on the chat input are attached.
      chat.addEventListener("dragover", (ev) => { ev.preventDefault(); });
      chat.addEventListener("drop", (ev) => {
        ev.preventDefault();
        if (!props.disabled && ev.dataTransfer) attachments.add(ev.dataTransfer.files);
      });
    }

    const grow = () => {
      area.style.height = "auto";
      const height = Math.min(area.scrollHeight, MAX_HEIGHT);
      area.style.height = `${height}px`;
      area.style.overflowY = area.scrollHeight > MAX_HEIGHT ? "auto" : "hidden";
      box.classList.toggle("wl-chat-extended", area.scrollHeight > 48);
    };
    const refresh = () => {
      const dirty = area.value !== "" || (attachments !== null && attachments.files().length > 0);
      send.disabled = !dirty || Boolean(props.disabled);
      hints.replaceChildren();
      if (props.max_chars && dirty) {
        const count = h("span", { class: area.value.length >= props.max_chars ? "wl-blink" : "" });
        count.textContent = `${area.value.length}/${props.max_chars}`;
        hints.append(count);
      }
    };
    const fill = (text) => {
      area.value = text;
      accepted = text;
      grow();
      refresh();
    };
    const submit = async () => {
      area.focus();
      const files = attachments ? attachments.files() : [];
      if ((area.value === "" && !files.length) || props.disabled || sending) return;
      if (!attachments) {
        view.sendWidget(props.id, area.value);
        fill("");
        return;
      }
      // The files' bytes go with the text (nothing is uploaded anywhere).
      sending = true;
      const text = area.value;
      try {
        const sent = await Promise.all(files.map(async ({ id, file }) => ({
          file_id: id, name: file.webkitRelativePath || file.name, type: file.type,
          size: file.size, data: await readBase64(file) })));
        view.sendWidget(props.id, { text, files: sent });
        attachments.clear();
        fill("");
      } finally {
        sending = false;
      }
    };

    area.addEventListener("input", () => {
      if (withinMaxChars(area, accepted, props.max_chars)) accepted = area.value;
      grow();
      refresh();
    });
    area.addEventListener("keydown", (ev) => {
      const enter = (ev.key === "Enter" || ev.keyCode === 13) && !ev.isComposing;
      if (!enter || ev.shiftKey || ev.ctrlKey || ev.metaKey) return;
      ev.preventDefault();
      submit();
    });
    send.addEventListener("click", submit);
    if (props.value && typeof props.value === "object") fill(props.value.text);
    refresh();

    const unstick = props.position === "bottom" ? stickToBottom(view) : () => {};
    return {
      el,
      update(p, before) {
        props = p;
        area.disabled = Boolean(p.disabled);
        area.placeholder = p.placeholder;
        area.setAttribute("aria-label", p.placeholder);
        if (attachments) attachments.configure(p);
        const asked = p.value && typeof p.value === "object" ? p.value : null;
        const was = before.value && typeof before.value === "object" ? before.value : null;
        if (asked && (!was || was.seq !== asked.seq || was.text !== asked.text)) fill(asked.text);
        refresh();
      },
      dispose: unstick,
    };
  },
};
