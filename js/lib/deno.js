// Deno entry: the .wasm is read from the package and compiled synchronously at import
// (reading a local file needs --allow-read for the package's folder).
import { initSync } from "../dist/presign.js";
import { setMemory } from "./memory.js";

setMemory(initSync({ module: Deno.readFileSync(new URL("../dist/presign_bg.wasm", import.meta.url)) }));

export * from "./api.js";
