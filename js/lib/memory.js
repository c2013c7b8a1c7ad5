// The wrapper's side of the hot path's I/O buffer (js/src/io.rs): strings are written into the
// wasm memory and results read from it without wasm-bindgen's per-call allocations.
// Every entry calls setMemory() with the instance's exports right after instantiating it.

let memory = null;
let bytes = new Uint8Array(0);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Where the runtime has a faster decoder of ASCII (Node's Buffer): a function of the memory's
// ArrayBuffer that returns (start, end) => string. Else null: TextDecoder reads everything.
let makeAscii = null;
let ascii = null;

/** Called by every entry with the instance's exports, and optionally an ASCII decoder maker. */
export function setMemory(exports, asciiDecoder = null) {
  memory = exports.memory;
  makeAscii = asciiDecoder;
}

/** The memory's bytes (a new view after the memory grew). */
export function view() {
  if (bytes.buffer !== memory.buffer) {
    bytes = new Uint8Array(memory.buffer);
    ascii = makeAscii?.(memory.buffer) ?? null;
  }
  return bytes;
}

/** Writes `s` as UTF-8 at `at` (room for 3 bytes per UTF-16 unit is reserved); returns its length. */
export function write(m, at, s) {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) break;
    m[at + i] = c;
  }
  if (i === n) return n;
  return i + encoder.encodeInto(s.slice(i), m.subarray(at + i, at + 3 * n)).written;
}

/** Reads `len` bytes at `at` as text; `ascii` says they are all ASCII. */
export function read(m, at, len, isAscii) {
  if (isAscii && ascii !== null) return ascii(at, at + len);
  return decoder.decode(m.subarray(at, at + len));
}
