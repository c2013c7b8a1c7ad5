// Node.js entry: the .wasm is read from the package and compiled synchronously at import.
import { readFileSync } from "node:fs";
import { initSync } from "../dist/presign.js";

initSync({ module: readFileSync(new URL("../dist/presign_bg.wasm", import.meta.url)) });

export * from "./api.js";
