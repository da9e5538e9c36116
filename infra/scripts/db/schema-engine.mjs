// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), loaded the way Prisma's CLI loads it
// (packages/internals wasmSchemaEngineLoader + packages/migrate SchemaEngineWasm): instantiate the module
// against its wasm-bindgen glue, then drive it through a driver adapter factory. No native binary, no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

let runtime;
let lastPanic;

/**
 * The package's own entry imports the .wasm file as an ES module, which node 20 only does behind
 * --experimental-wasm-modules; instantiating it against the glue module works everywhere. Done once per
 * process: wasm-bindgen keeps the instance in the glue module.
 */
function loadRuntime() {
  runtime ??= (async () => {
    // The engine reports Rust panics through this global before trapping.
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        lastPanic = message;
      },
    };
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = await import(pathToFileURL(gluePath).href);
    const module = new WebAssembly.Module(readFileSync(gluePath.replace(/\.js$/, '.wasm')));
    // The engine races its queries against timers (10 s, 60 s) it never clears: unreferenced, they do not keep
    // the process alive for a minute after the work is done.
    const imports = { ...glue };
    for (const name of Object.keys(glue).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (...args) => {
        const timer = glue[name](...args);
        timer?.unref?.();
        return timer;
      };
    }
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': imports });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return runtime;
}

/**
 * The message of the last Rust panic, if any. A panic traps the WebAssembly instance: the call in progress
 * never settles and a RuntimeError ("unreachable") surfaces as an uncaught exception instead.
 */
export function takeLastPanic() {
  const panic = lastPanic;
  lastPanic = undefined;
  return panic;
}

/** The engine's git hash, e.g. for messages and reports. */
export async function schemaEngineVersion() {
  return (await loadRuntime()).version();
}

/** Engine errors end with a Rust span trace ("   0: schema_engine_wasm::..."): keep the message only. */
function engineMessage(error) {
  return String(error?.message ?? error)
    .split(/\n\s+0: /)[0]
    .trimEnd();
}

/** The engine logs tracing events as JSON: keep level, message and a short excerpt of other fields. */
function engineLogLine(line) {
  try {
    const { level, fields = {}, target } = JSON.parse(line);
    const { message, ...rest } = fields;
    const extra = Object.entries(rest)
      .map(([key, value]) => `${key}=${JSON.stringify(value).slice(0, 80)}`)
      .join(' ');
    return `${level} ${target}: ${message ?? ''}${extra ? ` (${extra})` : ''}`;
  } catch {
    return String(line).trimEnd();
  }
}

/**
 * Opens an engine on `adapterFactory` (see postgres.mjs). Every method of the wasm SchemaEngine is available
 * by name through `call(method, input)`; errors become plain Errors with the engine's message, the Prisma
 * error code (P3006, ...) in `code`, and the JavaScript error behind an "External error id#N" spelled out.
 */
export async function openSchemaEngine({ adapterFactory, schemaFiles, log = () => undefined }) {
  const glue = await loadRuntime();
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);

  const describe = (error, method) => {
    const message = engineMessage(error).replace(/External error id#(\d+)/g, (text, id) => {
      const external = bound.errorRegistry.consumeError(Number(id))?.error;
      return external ? String(external.message ?? external) : text;
    });
    const panic = takeLastPanic();
    const described = new Error(panic ? `The schema engine panicked in ${method}: ${panic}` : message, {
      cause: error,
    });
    if (error?.code) described.code = error.code;
    return described;
  };

  let engine;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: schemaFiles?.map((file) => [file.path, file.content]) },
      (line) => log(`engine: ${engineLogLine(line)}`),
      bound,
    );
  } catch (error) {
    throw describe(error, 'new');
  }

  return {
    async call(method, input) {
      log(`engine.${method}`);
      try {
        // Called on the engine itself: a detached method loses its wasm pointer.
        return await engine[method](input);
      } catch (error) {
        throw describe(error, method);
      }
    },
    close() {
      engine?.free();
      engine = undefined;
    },
  };
}
