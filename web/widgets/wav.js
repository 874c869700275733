// A recording (whatever MediaRecorder produced: WebM/Opus, MP4/AAC, ...) as a WAV file,
// as Streamlit 1.50's st.audio_input sends it: 16-bit PCM, the recording's channels
// interleaved, at the widget's sample rate (resampled by the Web Audio API) or, with
// sample_rate=None, at the rate the browser decoded it at.

/**
 * @param {Blob} recording
 * @param {number | null} sampleRate  the rate to resample to; null keeps the decoded one
 * @returns {Promise<Blob>}  audio/wav
 */
export async function recordingToWav(recording, sampleRate) {
  const bytes = await recording.arrayBuffer();
  // Decoding needs a context; an offline one plays nothing and needs no user gesture.
  const decoder = new OfflineAudioContext(1, 1, sampleRate || 48000);
  const decoded = await decoder.decodeAudioData(bytes);
  const audio = sampleRate && sampleRate !== decoded.sampleRate ? await resample(decoded, sampleRate) : decoded;
  return new Blob([encodeWav(audio)], { type: "audio/wav" });
}

/** `buffer` at `rate` samples per second (the browser's own resampler). */
async function resample(buffer, rate) {
  const frames = Math.max(1, Math.round(buffer.duration * rate));
  const context = new OfflineAudioContext(buffer.numberOfChannels, frames, rate);
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  source.start();
  return context.startRendering();
}

/**
 * A RIFF/WAVE file of 16-bit little-endian PCM samples, channels interleaved.
 * @param {{numberOfChannels: number, sampleRate: number, length: number,
 *          getChannelData(channel: number): Float32Array}} audio
 * @returns {ArrayBuffer}
 */
export function encodeWav(audio) {
  const channels = audio.numberOfChannels;
  const frames = audio.length;
  const dataBytes = frames * channels * 2;
  const out = new DataView(new ArrayBuffer(44 + dataBytes));
  const text = (offset, s) => { for (let i = 0; i < s.length; i++) out.setUint8(offset + i, s.charCodeAt(i)); };
  text(0, "RIFF");
  out.setUint32(4, 36 + dataBytes, true);
  text(8, "WAVE");
  text(12, "fmt ");
  out.setUint32(16, 16, true);                          // size of the fmt chunk
  out.setUint16(20, 1, true);                           // PCM
  out.setUint16(22, channels, true);
  out.setUint32(24, audio.sampleRate, true);
  out.setUint32(28, audio.sampleRate * channels * 2, true);  // bytes per second
  out.setUint16(32, channels * 2, true);                // bytes per frame
  out.setUint16(34, 16, true);                          // bits per sample
  text(36, "data");
  out.setUint32(40, dataBytes, true);
  const data = Array.from({ length: channels }, (_, c) => audio.getChannelData(c));
  let offset = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++, offset += 2) {
      const s = Math.max(-1, Math.min(1, data[c][i]));
      out.setInt16(offset, s < 0 ? s * 0x8000 : s * 0x7fff, true);
    }
  }
  return out.buffer;
}
