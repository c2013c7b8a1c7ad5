// Node.js entry: the .wasm is read from the package and compiled synchronously at import.
import { readFileSync } from "node:fs";
import { initSync } from "../dist/presign.js";
import { setMemory } from "./memory.js";

const exports = initSync({ module: readFileSync(new URL("../dist/presign_bg.wasm", import.meta.url)) });
// Results are mostly ASCII URLs, which Buffer's latin1 decoder reads faster than TextDecoder.
setMemory(exports, (memory) => {
  const b = Buffer.from(memory);
  return (start, end) => b.toString("latin1", start, end);
});

export * from "./api.js";
