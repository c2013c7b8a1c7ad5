# workerd (Cloudflare's Workers runtime) serving worker.js, which imports the package's workerd
# entry. The socket address is set by the test: --socket-addr http=127.0.0.1:PORT.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "workerd-worker.js"),
    (name = "aws-example.mjs", esModule = embed "aws-example.mjs"),
    (name = "lib/workerd.js", esModule = embed "../../lib/workerd.js"),
    (name = "lib/api.js", esModule = embed "../../lib/api.js"),
    (name = "lib/memory.js", esModule = embed "../../lib/memory.js"),
    (name = "dist/presign.js", esModule = embed "../../dist/presign.js"),
    (name = "dist/presign_bg.wasm", wasm = embed "../../dist/presign_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
);
