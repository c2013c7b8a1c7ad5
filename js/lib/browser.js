// Browser (and bundler) entry: the .wasm is fetched next to this package and instantiated
// with top-level await, so importers see a ready API.
import init from "../dist/presign.js";
import { setMemory } from "./memory.js";

setMemory(await init({ module_or_path: new URL("../dist/presign_bg.wasm", import.meta.url) }));

export * from "./api.js";
