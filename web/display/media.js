// Media elements: st.image, st.audio, st.video. Bytes arrive base64-encoded in the props
// (`data` + `mime`) and become Blob URLs, revoked when the element changes or goes; a
// `url` prop is used as is (the page fetches only what the app itself links to).
import { h, isolatedFrameAttrs } from "../dom.js";

function bytesOf(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// Blob URLs made for one element; `revoke()` frees them all.
function urlKeeper() {
  let urls = [];
  return {
    source(item) {
      if (item.url) return item.url;
      if (item.data === undefined) return null;
      const url = URL.createObjectURL(new Blob([bytesOf(item.data)], { type: item.mime || "" }));
      urls.push(url);
      return url;
    },
    revoke() {
      for (const url of urls) URL.revokeObjectURL(url);
      urls = [];
    },
  };
}

function applyWidth(el, width) {
  el.style.width = typeof width === "number" ? `${width}px` : width === "stretch" ? "100%" : "";
  el.style.maxWidth = "100%";
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  image(props, view) {
    const urls = urlKeeper();
    const el = h("div", { testid: "stImage", class: "wl-image" });
    const draw = (p) => {
      urls.revoke();
      el.replaceChildren(...p.images.map((item, i) => {
        const img = h("img", { src: urls.source(item), alt: String(i) });
        applyWidth(img, p.width);
        const box = h("div", { testid: "stImageContainer", class: "wl-image-container" }, img);
        if (item.caption !== null && item.caption !== undefined) {
          const text = h("div", { testid: "stCaptionContainer", class: "wl-md wl-caption" });
          view.renderMarkdown(text, item.caption, false);
          const caption = h("div", { testid: "stImageCaption", class: "wl-image-caption" }, text);
          applyWidth(caption, p.width);
          box.append(caption);
        }
        return box;
      }));
    };
    draw(props);
    return { el, update: (p) => draw(p), dispose: () => urls.revoke() };
  },

  audio(props) {
    const player = mediaPlayer("audio", "stAudio");
    const el = h("div", { class: "wl-audio" }, player.media);
    player.show(props);
    return { el, update: (p) => player.show(p), dispose: player.dispose };
  },

  video(props) {
    if (props.youtube) return youtube(props);
    const player = mediaPlayer("video", "stVideo");
    player.show(props);
    return { el: player.media, update: (p) => player.show(p), dispose: player.dispose };
  },
};

// An <audio>/<video> that honours start_time, end_time and loop as Streamlit's does
// (looping goes back to start_time; playback stops at end_time).
function mediaPlayer(tag, testid) {
  const urls = urlKeeper();
  const media = h(tag, { testid, controls: true, class: `wl-${tag}`, preload: "metadata" });
  let current = null;
  media.addEventListener("loadedmetadata", () => {
    if (current && current.start_time) media.currentTime = current.start_time;
  });
  media.addEventListener("timeupdate", () => {
    if (!current || current.end_time === null || current.end_time === undefined) return;
    if (media.currentTime >= current.end_time) {
      if (current.loop) {
        media.currentTime = current.start_time || 0;
      } else {
        media.pause();
        media.currentTime = current.end_time;
      }
    }
  });
  media.addEventListener("ended", () => {
    if (!current || !current.loop) return;
    media.currentTime = current.start_time || 0;
    media.play().catch(() => {});
  });
  const show = (p) => {
    const before = current;
    current = p;
    const sameSource = before && before.url === p.url && before.data === p.data &&
      JSON.stringify(before.subtitles || []) === JSON.stringify(p.subtitles || []);
    if (!sameSource) {
      urls.revoke();
      media.replaceChildren();
      const src = urls.source(p);
      if (src) media.src = src; else media.removeAttribute("src");
      (p.subtitles || []).forEach((sub, i) => {
        media.append(h("track", { kind: "captions", src: urls.source(sub), label: sub.label,
          default: i === 0, testid: `${testid}Subtitle` }));
      });
    } else if (before.start_time !== p.start_time) {
      media.currentTime = p.start_time || 0;
    }
    media.autoplay = Boolean(p.autoplay);
    if (tag === "video") media.muted = Boolean(p.muted);
    if (typeof p.width === "number") media.style.width = `${p.width}px`;
    else media.style.width = "100%";
  };
  return { media, show, dispose: () => urls.revoke() };
}

function youtube(props) {
  const url = new URL(props.url);
  if (props.start_time) url.searchParams.set("start", String(props.start_time));
  if (props.end_time) url.searchParams.set("end", String(props.end_time));
  if (props.loop) url.searchParams.set("loop", "1");
  if (props.autoplay) url.searchParams.set("autoplay", "1");
  if (props.muted) url.searchParams.set("mute", "1");
  const el = h("iframe", { testid: "stVideo", class: "wl-video wl-youtube", title: props.url,
    src: url.toString(), allow: "autoplay; encrypted-media", allowfullscreen: true, frameborder: "0",
    ...isolatedFrameAttrs() });
  if (typeof props.width === "number") el.style.width = `${props.width}px`;
  return { el };
}
