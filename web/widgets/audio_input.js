// st.audio_input: records from the microphone (getUserMedia + MediaRecorder), turns the
// recording into a WAV file at the widget's sample rate (wav.js) and sends it as
// camera_input sends its photo (files.js's FileValue: bytes once, then the file's id).
//
// DOM as Streamlit 1.50's: stAudioInput > label, a toolbar (Download as WAV, Clear
// recording) once there is a recording, stAudioInputActionButton buttons named Record /
// Stop recording / Play / Pause, the waveform (stAudioInputWaveSurfer) and the time
// (stAudioInputWaveformTimeCode, "00:00").
import { h, svgIcon } from "../dom.js";
import { relabel, widgetLabel, widgetWidth } from "../widget-parts.js";
import { FileValue } from "./files.js";
import { recordingToWav } from "./wav.js";

const MIC_HELP = "https://docs.streamlit.io/knowledge-base/using-streamlit/enable-camera";
const ICONS = {
  mic: "M12 14c1.66 0 3-1.34 3-3V5c0-1.66-1.34-3-3-3S9 3.34 9 5v6c0 1.66 1.34 3 3 3zm5-3c0 2.76-2.24 5-5 5s-5-2.24-5-5H5c0 3.53 2.61 6.43 6 6.92V21h2v-3.08c3.39-.49 6-3.39 6-6.92h-2z",
  stop: "M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zM9 8h6c.55 0 1 .45 1 1v6c0 .55-.45 1-1 1H9c-.55 0-1-.45-1-1V9c0-.55.45-1 1-1z",
  play: "M8 6.82v10.36c0 .79.87 1.27 1.54.84l8.14-5.18a1 1 0 000-1.69L9.54 5.98A.998.998 0 008 6.82z",
  pause: "M8 19c1.1 0 2-.9 2-2V7c0-1.1-.9-2-2-2s-2 .9-2 2v10c0 1.1.9 2 2 2zm6-12v10c0 1.1.9 2 2 2s2-.9 2-2V7c0-1.1-.9-2-2-2s-2 .9-2 2z",
  download: "M18 15v3H6v-3H4v3c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2v-3h-2zm-1-4l-1.41-1.41L13 12.17V4h-2v8.17L8.41 9.59 7 11l5 5 5-5z",
  delete: "M16 9v10H8V9h8m-1.5-6h-5l-1 1H5v2h14V4h-3.5l-1-1zM18 7H6v12c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7z",
};

// "mm:ss", as Streamlit shows the recording's length and the playing position.
export function timeCode(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

// Streamlit's file name: the local date and minute it was recorded, "2025-01-31T09-05_audio.wav".
export function recordingName(now = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T` +
    `${two(now.getHours())}-${two(now.getMinutes())}_audio.wav`;
}

// A 16-bit PCM WAV's length in seconds and its peak levels, one per bar (the waveform
// drawn after a recording).
async function wavShape(blob, bars) {
  const data = new DataView(await blob.arrayBuffer());
  const seconds = (data.byteLength - 44) / (data.getUint32(28, true) || 1);
  const samples = Math.floor((data.byteLength - 44) / 2);
  const per = Math.max(1, Math.floor(samples / bars));
  const peaks = [];
  for (let b = 0; b < bars && b * per < samples; b++) {
    let peak = 0;
    for (let i = b * per; i < (b + 1) * per && i < samples; i++) peak = Math.max(peak, Math.abs(data.getInt16(44 + i * 2, true)));
    peaks.push(peak / 0x8000);
  }
  return { peaks, seconds };
}

function actionButton(name, icon, onClick, disabled) {
  const button = h("button", { type: "button", testid: "stAudioInputActionButton", class: "wl-audio-action",
    "aria-label": name, title: name, disabled }, svgIcon(ICONS[icon], { size: 24 }));
  button.addEventListener("click", onClick);
  return h("span", {}, button);
}

function toolbarButton(name, icon, onClick) {
  const button = h("button", { type: "button", testid: "stBaseButton-elementToolbar", class: "wl-audio-tool",
    "aria-label": name, title: name }, svgIcon(ICONS[icon], { size: 18 }));
  button.addEventListener("click", onClick);
  return h("div", { testid: "stElementToolbarButton" }, button);
}

function audioInput(props, view) {
  const state = new FileValue(props, view);
  const toolbarButtons = h("div", { testid: "stElementToolbarButtonContainer", class: "wl-audio-toolbar-buttons" });
  const actions = h("div", { class: "wl-audio-actions" });
  const wave = h("div", { class: "wl-audio-wave" });
  const time = h("span", { testid: "stAudioInputWaveformTimeCode", class: "wl-audio-time" }, "00:00");
  const box = h("div", { class: "wl-audio-box" },
    h("div", { testid: "stElementToolbar", class: "wl-audio-toolbar" }, toolbarButtons), actions, wave, time);
  let label = widgetLabel(view, props, null, "label");
  const el = h("div", { testid: "stAudioInput", class: "stAudioInput wl-audio-input" }, label, box);

  let phase = "idle";   // idle, asking, recording, encoding, denied, error
  let stream = null;
  let recorder = null;
  let started = 0;
  let ticker = null;
  let wavUrl = null;    // this page's recording, for playback and download
  let peaks = [];
  let duration = 0;
  const player = new Audio();
  let request = 0;

  const stopStream = () => {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    clearInterval(ticker);
    ticker = null;
  };

  const forgetRecording = () => {
    player.pause();
    player.removeAttribute("src");
    if (wavUrl) URL.revokeObjectURL(wavUrl);
    wavUrl = null;
    peaks = [];
    duration = 0;
  };

  const startRecording = async () => {
    if (props.disabled) return;
    const mine = ++request;
    phase = "asking";
    draw();
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia || typeof MediaRecorder !== "function") { phase = "denied"; draw(); return; }
    let s;
    try {
      s = await media.getUserMedia({ audio: true });
    } catch (err) {
      if (mine === request) { phase = err && err.name === "NotAllowedError" ? "denied" : "error"; draw(); }
      return;
    }
    if (mine !== request) { for (const track of s.getTracks()) track.stop(); return; }
    stream = s;
    const chunks = [];
    recorder = new MediaRecorder(s);
    recorder.ondataavailable = (ev) => { if (ev.data && ev.data.size) chunks.push(ev.data); };
    recorder.onstop = () => finishRecording(new Blob(chunks, { type: recorder?.mimeType || "audio/webm" }), mine);
    recorder.start();
    started = performance.now();
    phase = "recording";
    ticker = setInterval(() => { time.textContent = timeCode((performance.now() - started) / 1000); }, 250);
    draw();
  };

  const stopRecording = () => {
    if (recorder && recorder.state !== "inactive") recorder.stop();
    stopStream();
    phase = "encoding";
    draw();
  };

  const finishRecording = async (blob, mine) => {
    recorder = null;
    if (mine !== request) return;
    try {
      const wav = await recordingToWav(blob, props.sample_rate ?? null);
      if (mine !== request) return;
      forgetRecording();
      wavUrl = URL.createObjectURL(wav);
      player.src = wavUrl;
      ({ peaks, seconds: duration } = await wavShape(wav, 60));
      state.files = [];
      const f = state.addUploading(recordingName(), wav.size, "audio/wav");
      await state.read(f, wav);
      phase = "idle";
      draw();
      state.changed();
    } catch {
      if (mine === request) { phase = "error"; draw(); }
    }
  };

  const clearRecording = () => {
    request += 1;
    stopStream();
    forgetRecording();
    phase = "idle";
    state.files = [];
    state.changed();
    draw();
  };

  const download = () => {
    if (!wavUrl) return;
    const a = h("a", { href: wavUrl, download: "recording.wav" });
    document.body.append(a);
    a.click();
    a.remove();
  };

  const drawWave = () => {
    const canvas = h("canvas", { class: "wl-audio-canvas", width: 600, height: 60 });
    const ctx = canvas.getContext("2d");
    if (ctx && peaks.length) {
      const played = player.duration ? player.currentTime / player.duration : 0;
      const styles = getComputedStyle(el);
      const step = canvas.width / peaks.length;
      peaks.forEach((p, i) => {
        const barHeight = Math.max(2, p * canvas.height);
        ctx.fillStyle = i / peaks.length < played ? styles.getPropertyValue("--wl-primary") || "#ff4b4b"
          : styles.getPropertyValue("--wl-muted") || "#999";
        ctx.fillRect(i * step + 1, (canvas.height - barHeight) / 2, Math.max(1, step - 2), barHeight);
      });
    }
    return canvas;
  };

  const draw = () => {
    const held = state.uploaded().length > 0;
    const disabled = !!props.disabled;
    toolbarButtons.replaceChildren(...(held && wavUrl ? [toolbarButton("Download as WAV", "download", download)] : []),
      ...(held && !disabled ? [toolbarButton("Clear recording", "delete", clearRecording)] : []));
    const buttons = [];
    if (phase === "recording") buttons.push(actionButton("Stop recording", "stop", stopRecording, false));
    else if (phase === "encoding" || phase === "asking") buttons.push(actionButton("Record", "mic", () => {}, true));
    else buttons.push(actionButton("Record", "mic", startRecording, disabled));
    if (held && wavUrl && phase === "idle") {
      const playing = !player.paused;
      buttons.push(actionButton(playing ? "Pause" : "Play", playing ? "pause" : "play",
        () => { if (player.paused) player.play().catch(() => {}); else player.pause(); }, disabled));
    }
    actions.replaceChildren(...buttons);
    const surfer = h("div", { testid: "stAudioInputWaveSurfer", class: "wl-audio-surfer" });
    let message = null;
    if (phase === "denied") {
      message = h("div", { class: "wl-audio-message" }, h("span", {}, "This app would like to use your microphone."), " ",
        h("a", { href: MIC_HELP, rel: "noopener noreferrer", target: "_blank" }, "Learn how to allow access."));
    } else if (phase === "error") {
      message = h("div", { class: "wl-audio-message" }, h("span", {}, "An error has occurred, please try again."));
    } else if (held && wavUrl) {
      surfer.append(drawWave());
    } else if (phase === "recording") {
      surfer.append(h("div", { class: "wl-audio-live" }));
    } else if (!held) {
      surfer.hidden = true;
      message = h("div", { class: "wl-audio-placeholder" });
    }
    wave.replaceChildren(...(message ? [message] : []), surfer);
    if (phase !== "recording") {
      time.textContent = held && wavUrl ? timeCode(player.currentTime && !player.paused ? player.currentTime : duration) : "00:00";
    }
    el.classList.toggle("wl-disabled", disabled);
    time.toggleAttribute("disabled", disabled);
  };

  player.addEventListener("loadedmetadata", () => { if (Number.isFinite(player.duration)) duration = player.duration; draw(); });
  for (const ev of ["play", "pause", "ended", "timeupdate"]) player.addEventListener(ev, () => draw());

  draw();
  widgetWidth(el, props.width);
  return {
    el,
    formId: props.form,
    read: () => state.take(),
    update(p, before) {
      props = p;
      label = relabel(view, label, p, before);
      if (state.update(p, before) && !state.uploaded().length) forgetRecording();  // e.g. a form cleared on submit
      if (p.disabled && phase === "recording") clearRecording();
      draw();
      widgetWidth(el, p.width);
    },
    dispose() {
      request += 1;
      if (recorder && recorder.state !== "inactive") recorder.stop();
      stopStream();
      forgetRecording();
    },
  };
}

/** @satisfies {import("../protocol").SomeElementBuilders} */
export const BUILDERS = {
  audio_input: audioInput,
};
