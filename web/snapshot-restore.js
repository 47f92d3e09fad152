// @ts-check
// Restoring a Pyodide memory snapshot into memory large enough to hold it.
//
// Pyodide (0.29, the pinned runtime) asks for INITIAL_MEMORY = the snapshot's
// size, but its wasm module defines its own memory (480 pages, 30 MiB) and
// ignores that setting, so a core whose warmed heap outgrew 30 MiB is refused
// with "offset is out of bounds". Growing the heap through the module's own
// allocator before the restore renews Emscripten's HEAP views; the restore then
// overwrites the whole heap, allocator state included.

/**
 * A `createPyodideModule` for `loadPyodide` that grows the fresh module's
 * memory to the snapshot's heap size before Pyodide restores into it.
 * @param {string} asmUrl the runtime's pyodide.asm.mjs
 * @param {Uint8Array} snapshot what makeMemorySnapshot wrote
 * @returns {(settings: object) => Promise<any>}
 */
export function growingModule(asmUrl, snapshot) {
  // Header: magic, the heap's offset in the file, …; the heap is the rest.
  const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2);
  const heapBytes = snapshot.byteLength - header[1];
  return async (settings) => {
    const { default: create } = await import(asmUrl);
    const module = await create(settings);
    for (let tries = 0; module.HEAP8.length < heapBytes && tries < 8; tries += 1) {
      if (module._malloc(heapBytes - module.HEAP8.length + (1 << 20)) === 0) break;
    }
    return module;
  };
}
