// Cloudflare Workers (workerd) entry: the runtime (or wrangler) imports the .wasm as a
// compiled WebAssembly.Module; instantiating it at startup is allowed, compiling bytes is not.
import wasm from "../dist/presign_bg.wasm";
import { initSync } from "../dist/presign.js";
import { setMemory } from "./memory.js";

setMemory(initSync({ module: wasm }));

export * from "./api.js";
