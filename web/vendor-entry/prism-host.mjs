// What the host page had under window.Prism before Prism's core (imported after this
// module) overwrote it.
const had = Object.prototype.hasOwnProperty.call(globalThis, "Prism");
const hostValue = globalThis.Prism;

export function restoreHostPrism() {
  if (had) globalThis.Prism = hostValue;
  else delete globalThis.Prism;
}
