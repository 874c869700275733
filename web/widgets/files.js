// File widgets: file_uploader and camera_input. Files never leave the browser: the page
// reads each chosen file (or the photo) and sends its bytes, base64, in the widget event
// until Python holds the file; afterwards a file is named by its id only.
//
// Page value (what Python's deserialize takes): [{file_id, name, type, size, data?}].
// Python's props.value is the same list without data.
import { h, svgIcon } from "../dom.js";
import { widgetLabel } from "../widget-parts.js";

const PAGE_SIZE = 3;
const CAMERA_HELP = "https://docs.streamlit.io/knowledge-base/using-streamlit/enable-camera";

export const ICONS = {
  cloudUpload: "M19.35 10.04A7.49 7.49 0 0012 4C9.11 4 6.6 5.64 5.35 8.04A5.994 5.994 0 000 14c0 3.31 2.69 6 6 6h13c2.76 0 5-2.24 5-5 0-2.64-2.05-4.78-4.65-4.96zM19 18H6c-2.21 0-4-1.79-4-4 0-2.05 1.53-3.76 3.56-3.97l1.07-.11.5-.95A5.469 5.469 0 0112 6c2.62 0 4.88 1.86 5.39 4.43l.3 1.5 1.53.11A2.98 2.98 0 0122 15c0 1.65-1.35 3-3 3zM8 13h2.55v3h2.9v-3H16l-4-4z",
  file: "M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zM6 20V4h7v5h5v11H6z",
  clear: "M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41z",
  error: "M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z",
  left: "M15.41 7.41L14 6l-6 6 6 6 1.41-1.41L10.83 12z",
  right: "M10 6L8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z",
  video: "M17 10.5V7c0-.55-.45-1-1-1H4c-.55 0-1 .45-1 1v10c0 .55.45 1 1 1h12c.55 0 1-.45 1-1v-3.5l4 4v-11l-4 4z",
  add: "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z",
  delete: "M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z",
  edit: "M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 000-1.41l-2.34-2.34a1 1 0 00-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z",
};

// A decorative Material icon (24x24 path data above).
export function materialIcon(name, size = 24) {
  return svgIcon(ICONS[name], { size });
}

// Streamlit's file size text: "8.0B", "24.2KB", "200MB" (1024 steps on Windows, else 1000).
export function sizeText(bytes, precision = 1) {
  const base = /^Win/i.test(navigator.platform || "") ? 1024 : 1000;
  const units = ["gb", "mb", "kb", "b"];
  let value = bytes;
  let unit = 3;
  while (unit > 0 && value > base / 2) { value /= base; unit -= 1; }
  return `${value.toFixed(Math.max(0, precision))}${units[unit].toUpperCase()}`;
}

// An id for a file, like the server's (a v4 UUID), without needing a secure context.
function newFileId() {
  if (globalThis.crypto && crypto.randomUUID) {
    try { return crypto.randomUUID(); } catch (e) { /* not a secure context */ }
  }
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

// The file's bytes as base64 (FileReader does the encoding natively).
function readBase64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error || new Error("The file could not be read."));
    reader.readAsDataURL(blob);
  });
}

// width="stretch" fills the container; a number of pixels is a fixed width (at most the container's).
function applyWidth(el, width) {
  el.style.width = typeof width === "number" ? `${width}px` : "";
  el.style.maxWidth = "100%";
}

const idsOf = (infos) => (Array.isArray(infos) ? infos.map((f) => f.file_id).join("\n") : null);

// What both widgets share: the files the page holds, what Python has been sent, and
// sending (outside forms) or handing over on submit (inside forms).
//
// Python's value is only taken over when it is none the page ever sent: a form cleared
// on submit, or files Python no longer holds. Values the page sent earlier (a run that
// ends after the user picked more files) never undo what the user did since.
export class FileValue {
  constructor(props, view) {
    this.props = props;
    this.view = view;
    this.files = [];           // {localId, name, size, type, status, error, fileId, data}
    this.sentIds = new Set([idsOf(props.value)]);
    this.lastSent = idsOf(props.value);
    this.nextLocal = 1;
    this.adopt(props.value);
  }

  adopt(infos) {
    this.files = (infos || []).map((f) => ({ localId: this.nextLocal++, name: f.name, size: f.size,
      type: f.type, status: "uploaded", fileId: f.file_id, data: null }));
  }

  uploaded() { return this.files.filter((f) => f.status === "uploaded"); }
  busy() { return this.files.some((f) => f.status === "uploading"); }

  // The page value. A file carries its bytes until Python shows it holds the file (its id
  // comes back in the widget's value): events sent close together are merged before a
  // run, so only the last one is sure to reach Python.
  take() {
    const value = this.uploaded().map((f) => {
      const info = { file_id: f.fileId, name: f.name, type: f.type, size: f.size };
      if (f.data !== null) info.data = f.data;
      return info;
    });
    this.sentIds.add(idsOf(value));
    return value;
  }

  // After any change: once nothing is being read, send the value if it changed.
  changed() {
    if (this.busy() || this.props.form) return;
    const value = this.uploaded();
    const ids = value.map((f) => f.fileId).join("\n");
    if (ids === this.lastSent) return;
    this.lastSent = ids;
    this.view.sendWidget(this.props.id, this.take());
  }

  update(p, before) {
    this.props = p;
    const held = new Set((Array.isArray(p.value) ? p.value : []).map((f) => f.file_id));
    for (const f of this.files) if (held.has(f.fileId)) f.data = null;
    const ids = idsOf(p.value);
    const cleared = !Array.isArray(before.value);
    if (cleared || (!this.sentIds.has(ids) && ids !== this.uploaded().map((f) => f.fileId).join("\n"))) {
      this.adopt(p.value);
      this.lastSent = ids;
      return true;
    }
    return false;
  }

  addUploading(name, size, type) {
    const f = { localId: this.nextLocal++, name, size, type, status: "uploading", fileId: newFileId(), data: null };
    this.files.push(f);
    return f;
  }

  async read(f, blob) {
    try {
      f.data = await readBase64(blob);
      f.status = "uploaded";
    } catch (err) {
      f.status = "error";
      f.error = err && err.message ? err.message : String(err);
    }
  }
}

// --- file_uploader -----------------------------------------------------------------

function extensionAllowed(name, types) {
  if (!types || !types.length) return true;
  const lower = name.toLowerCase();
  return types.some((t) => lower.endsWith(t.toLowerCase()));
}

// Files of a drop, with folders walked (for directory uploads).
async function droppedFiles(ev, directory) {
  const items = ev.dataTransfer && ev.dataTransfer.items;
  if (!directory || !items || !items.length || !items[0].webkitGetAsEntry) {
    return [...(ev.dataTransfer ? ev.dataTransfer.files : [])].map((file) => ({ file, path: file.name }));
  }
  const out = [];
  const walk = async (entry, prefix) => {
    if (!entry) return;
    if (entry.isFile) {
      const file = await new Promise((res, rej) => entry.file(res, rej));
      out.push({ file, path: prefix + entry.name });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  const entries = [...items].map((item) => item.webkitGetAsEntry());
  for (const entry of entries) await walk(entry, "");
  return out;
}

function fileUploader(props, view) {
  const state = new FileValue(props, view);
  const input = h("input", { type: "file", testid: "stFileUploaderDropzoneInput", class: "wl-visually-hidden",
    tabindex: "-1" });
  const dragText = h("span", { class: "wl-fu-drag" });
  const limitText = h("span", { class: "wl-fu-limit" });
  const browse = h("button", { type: "button", testid: "stBaseButton-secondary",
    class: "wl-button wl-button-secondary wl-button-small", "aria-label": "" });
  const instructions = h("div", { testid: "stFileUploaderDropzoneInstructions", class: "wl-fu-instructions" },
    h("span", { class: "wl-fu-cloud" }, materialIcon("cloudUpload", 40)),
    h("div", { class: "wl-fu-texts" }, dragText, limitText));
  const zone = h("section", { role: "presentation", testid: "stFileUploaderDropzone", class: "wl-fu-zone" },
    input, instructions, h("span", { class: "wl-fu-browse" }, browse));
  const list = h("div", { class: "wl-fu-list" });
  const labelEl = widgetLabel(view, props, null, "label");
  const el = h("div", { testid: "stFileUploader", class: "wl-file-uploader" }, labelEl, zone, list);
  let page = 0;

  const maxBytes = () => props.max_upload_size_mb * (/^Win/i.test(navigator.platform || "") ? 1024 ** 2 : 1000 ** 2);

  const drawZone = () => {
    const what = props.directory ? "directories" : props.multiple ? "files" : "file";
    dragText.textContent = `Drag and drop ${what} here`;
    const types = props.type.length ? ` • ${props.type.map((t) => t.replace(/^\./, "").toUpperCase()).join(", ")}` : "";
    limitText.textContent = `Limit ${sizeText(maxBytes(), 0)} per file${types}`;
    browse.textContent = props.directory ? "Browse directories" : "Browse files";
    browse.disabled = Boolean(props.disabled);
    zone.setAttribute("aria-label", props.label);
    zone.setAttribute("aria-disabled", String(Boolean(props.disabled)));
    if (props.disabled) zone.removeAttribute("tabindex"); else zone.tabIndex = 0;
    zone.classList.toggle("wl-disabled", Boolean(props.disabled));
    // Streamlit's dropzone lists its own MIME type before the extensions.
    if (props.type.length) input.accept = ["application/streamlit", ...props.type].join(",");
    else input.removeAttribute("accept");
    input.multiple = Boolean(props.multiple);
    input.disabled = Boolean(props.disabled);
    if (props.directory) input.setAttribute("webkitdirectory", ""); else input.removeAttribute("webkitdirectory");
  };

  const drawList = () => {
    const shown = state.files.slice().reverse();
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const rows = shown.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE).map((f) => fileRow(f));
    list.replaceChildren();
    if (!shown.length) return;
    list.append(h("ul", { class: "wl-fu-ul" }, ...rows.map((r) => h("li", {}, r))));
    if (shown.length > PAGE_SIZE) {
      const text = h("small", { class: "wl-fu-page-text" });
      text.textContent = `Showing page ${page + 1} of ${pages}`;
      const prev = h("button", { type: "button", testid: "stBaseButton-minimal", class: "wl-fu-icon-button",
        "aria-label": "Previous page" }, materialIcon("left", 24));
      const next = h("button", { type: "button", testid: "stBaseButton-minimal", class: "wl-fu-icon-button",
        "aria-label": "Next page" }, materialIcon("right", 24));
      prev.addEventListener("click", () => { page = Math.max(0, page - 1); drawList(); });
      next.addEventListener("click", () => { page = Math.min(pages - 1, page + 1); drawList(); });
      list.append(h("div", { testid: "stFileUploaderPagination", class: "wl-fu-pagination" }, text,
        h("div", { class: "wl-fu-page-buttons" }, prev, next)));
    }
  };

  const fileRow = (f) => {
    const name = h("div", { testid: "stFileUploaderFileName", class: "wl-fu-name", title: f.name });
    name.textContent = f.name;
    let status;
    if (f.status === "uploading") {
      status = h("div", { class: "wl-fu-progress", role: "progressbar", "aria-label": `Reading ${f.name}` },
        h("div", { class: "wl-fu-progress-bar" }));
    } else if (f.status === "error") {
      const message = h("span", { testid: "stFileUploaderFileErrorMessage" });
      message.textContent = f.error;
      status = h("small", { class: "wl-fu-error" }, message, h("span", { class: "wl-fu-error-icon" }, materialIcon("error", 18)));
    } else {
      status = h("small", { class: "wl-fu-size" });
      status.textContent = sizeText(f.size);
    }
    const remove = h("button", { type: "button", testid: "stBaseButton-minimal", class: "wl-fu-icon-button",
      "aria-label": `Remove ${f.name}`, disabled: props.disabled }, materialIcon("clear", 18));
    remove.addEventListener("click", () => {
      if (props.disabled) return;
      state.files = state.files.filter((x) => x !== f);
      drawList();
      state.changed();
    });
    return h("div", { testid: "stFileUploaderFile", class: "wl-fu-file" + (props.disabled ? " wl-disabled" : "") },
      h("div", { class: "wl-fu-file-icon" }, materialIcon("file", 28)),
      h("div", { class: "wl-fu-file-data" }, name, status),
      h("div", { testid: "stFileUploaderDeleteBtn" }, remove));
  };

  // Streamlit's rules: wrong type or too large files are listed with their error; one file
  // at a time unless multiple; a new file replaces the single one held.
  const take = async (chosen) => {
    if (props.disabled || !chosen.length) return;
    const limit = maxBytes();
    let accepted = [];
    /** @type {{c: any, errors: string[], tooMany?: boolean}[]} */
    let rejected = [];
    for (const c of chosen) {
      const errors = [];
      const typeOk = props.directory || extensionAllowed(c.file.name, props.type);
      if (!typeOk) errors.push(`${c.file.type} files are not allowed.`);
      if (c.file.size > limit) errors.push(`File must be ${sizeText(limit)} or smaller.`);
      if (errors.length) rejected.push({ c, errors }); else accepted.push(c);
    }
    if (!props.multiple && accepted.length > 1) {
      rejected = rejected.concat(accepted.map((c) => ({ c, errors: ["Only one file is allowed."], tooMany: true })));
      accepted = [];
    }
    if (props.directory) {
      for (const c of accepted.slice()) {
        if (!extensionAllowed(c.file.name, props.type)) {
          accepted.splice(accepted.indexOf(c), 1);
          rejected.push({ c, errors: [`${c.file.type} files are not allowed.`] });
        }
      }
    }
    if (!props.multiple && !accepted.length && rejected.length > 1) {
      const i = rejected.findIndex((r) => r.tooMany && r.errors.length === 1);
      if (i >= 0) { accepted.push(rejected[i].c); rejected.splice(i, 1); }
    }
    for (const r of rejected) {
      state.files.push({ localId: state.nextLocal++, name: r.c.path, size: r.c.file.size, type: r.c.file.type,
        status: "error", error: r.errors.join(" "), fileId: null, data: null });
    }
    if (!props.multiple && accepted.length) {
      const held = state.files.find((f) => f.status !== "error");
      if (held) state.files = state.files.filter((f) => f !== held);
    }
    const reads = accepted.map((c) => state.read(state.addUploading(c.path, c.file.size, c.file.type || ""), c.file));
    page = 0;
    drawList();
    await Promise.all(reads);
    drawList();
    state.changed();
  };

  const openDialog = () => { if (!props.disabled) { input.value = ""; input.click(); } };
  zone.addEventListener("click", (ev) => { if (ev.target !== input) openDialog(); });
  zone.addEventListener("keydown", (ev) => {
    if (ev.target === zone && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); openDialog(); }
  });
  browse.addEventListener("click", (ev) => { ev.stopPropagation(); openDialog(); });
  input.addEventListener("click", (ev) => ev.stopPropagation());
  input.addEventListener("change", () => {
    const chosen = [...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
    take(chosen);
  });
  for (const kind of ["dragenter", "dragover"]) {
    zone.addEventListener(kind, (ev) => {
      ev.preventDefault();
      if (!props.disabled) zone.classList.add("wl-drag-over");
    });
  }
  zone.addEventListener("dragleave", () => zone.classList.remove("wl-drag-over"));
  zone.addEventListener("drop", async (ev) => {
    ev.preventDefault();
    zone.classList.remove("wl-drag-over");
    if (props.disabled) return;
    take(await droppedFiles(ev, props.directory));
  });

  drawZone();
  drawList();
  applyWidth(el, props.width);
  return {
    el, formId: props.form,
    read: () => state.take(),
    update(p, before) {
      props = p;
      const labelNow = widgetLabel(view, p, null, "label");
      el.firstChild.replaceWith(labelNow);
      state.update(p, before);
      drawZone();
      drawList();
      applyWidth(el, p.width);
    },
  };
}

// --- camera_input ------------------------------------------------------------------

function cameraInput(props, view) {
  const state = new FileValue(props, view);
  const body = h("div", { class: "wl-camera-body" });
  const el = h("div", { testid: "stCameraInput", class: "wl-camera-input" },
    widgetLabel(view, props, null, "label"), body);
  let stream = null;
  let status = "pending";   // camera: pending, success, error
  let photo = null;         // data URL of the photo shown
  let uploading = false;
  let video = null;
  let request = 0;

  const stop = () => {
    request += 1;
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
  };

  const startCamera = () => {
    stop();
    status = "pending";
    const mine = request;
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia) { status = "error"; return; }
    media.getUserMedia({ audio: false, video: { width: { ideal: Math.max(320, el.clientWidth || 704) }, facingMode: "user" } })
      .then((s) => {
        if (mine !== request) {  // cleared, disposed or asked again meanwhile
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        status = "success";
        draw();
      })
      .catch(() => { if (mine === request) { status = "error"; draw(); } });
  };

  const shoot = async () => {
    if (!video || !stream || !video.videoWidth) return;
    const width = video.clientWidth || video.videoWidth;
    const height = Math.round(width * video.videoHeight / video.videoWidth);
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("2d").drawImage(video, 0, 0, width, height);
    photo = canvas.toDataURL("image/jpeg", 1);
    stop();
    uploading = true;
    draw();
    const blob = await (await fetch(photo)).blob();
    const name = `camera-input-${new Date().toISOString().replace(/:/g, "_")}.jpg`;
    state.files = [];
    const f = state.addUploading(name, blob.size, "image/jpeg");
    await state.read(f, blob);
    uploading = false;
    draw();
    state.changed();
  };

  const clearPhoto = () => {
    if (props.disabled) return;
    photo = null;
    state.files = [];
    state.changed();
    draw();
    if (!props.disabled) startCamera();
  };

  const draw = () => {
    const held = state.uploaded().length > 0 || uploading;
    if (held) {
      const picture = photo
        ? h("img", { class: "wl-camera-photo" + (uploading ? " wl-shutter" : ""), src: photo, alt: "Photo" })
        : h("div", { class: "wl-camera-photo wl-camera-restored" });
      const button = h("button", { type: "button", testid: "stCameraInputButton", class: "wl-camera-button",
        disabled: uploading || props.disabled });
      if (uploading) button.textContent = "Uploading...";
      else button.append(materialIcon("clear", 16), " Clear photo");
      button.addEventListener("click", clearPhoto);
      body.replaceChildren(h("div", { class: "wl-camera-box" }, picture), button);
      return;
    }
    const ready = status === "success";
    const children = [];
    if (!ready && !props.disabled) {
      const text = h("p", {}, "This app would like to use your camera.",
        h("a", { href: CAMERA_HELP, rel: "noopener noreferrer", target: "_blank" }, "Learn how to allow access."));
      children.push(h("div", { class: "wl-camera-ask" }, h("span", { class: "wl-camera-ask-icon" }, materialIcon("video", 40)), text));
    }
    video = null;
    const box = h("div", { testid: "stCameraInputWebcamStyledBox", class: "wl-camera-box", hidden: !ready && !props.disabled });
    if (!props.disabled) {
      video = h("video", { autoplay: true, playsinline: true, muted: true, class: "wl-camera-video" });
      video.muted = true;
      if (stream) video.srcObject = stream;
      box.append(video);
    }
    children.push(box);
    const take = h("button", { type: "button", testid: "stCameraInputButton", class: "wl-camera-button",
      disabled: !ready || props.disabled }, "Take Photo");
    take.addEventListener("click", shoot);
    children.push(take);
    body.replaceChildren(h("div", { testid: "stCameraInputWebcamComponent", class: "wl-camera-webcam" }, ...children));
  };

  if (!state.uploaded().length && !props.disabled) startCamera();
  draw();
  applyWidth(el, props.width);
  return {
    el, formId: props.form,
    read: () => state.take(),
    update(p, before) {
      const wasDisabled = props.disabled;
      props = p;
      el.firstChild.replaceWith(widgetLabel(view, p, null, "label"));
      const adopted = state.update(p, before);  // e.g. a form cleared on submit
      const held = state.uploaded().length > 0 || uploading;
      if (adopted && !held && photo !== null) {
        photo = null;
        if (!p.disabled) startCamera();
      } else if (!held && !p.disabled && wasDisabled) startCamera();
      if (p.disabled && stream) stop();
      draw();
      applyWidth(el, p.width);
    },
    dispose: stop,
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  file_uploader: fileUploader,
  camera_input: cameraInput,
};
