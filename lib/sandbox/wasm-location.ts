// Where the QuickJS .wasm file is served from. Node finds it next to the package; an extension build
// copies it into its own files and says where (the service worker cannot resolve node_modules paths).
let wasmLocation: string | undefined;

export function setSandboxWasmLocation(url: string): void {
  wasmLocation = url;
}

export function sandboxWasmLocation(): string | undefined {
  return wasmLocation;
}
