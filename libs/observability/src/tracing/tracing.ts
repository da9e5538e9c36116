import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type * as InstrumentationHttp from '@opentelemetry/instrumentation-http';
import type * as InstrumentationIoredis from '@opentelemetry/instrumentation-ioredis';
import type * as InstrumentationPg from '@opentelemetry/instrumentation-pg';
import type * as Resources from '@opentelemetry/resources';
import type * as SdkNode from '@opentelemetry/sdk-node';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type * as SemanticConventions from '@opentelemetry/semantic-conventions';
import type { IncomingMessage } from 'node:http';
import { isProbeUrl } from '../http/http-route';

export interface TracingOptions {
  service: string;
  instanceId: string;
  version?: string;
  /** Longest wait for the last spans to be exported on shutdown (default 5000 ms). */
  shutdownTimeoutMs?: number;
  /** Told when the last spans could not be exported; a process warning otherwise. */
  onShutdownError?: (error: unknown) => void;
}

export interface TracingHandle {
  enabled: boolean;
  /** Flushes and stops the SDK. Never rejects: an unreachable collector must not fail a shutdown. */
  shutdown(): Promise<void>;
}

let handle: TracingHandle | undefined;
let propagationInstalled = false;

/** Whether the standard OpenTelemetry variables ask for spans to be exported. */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporters) return exporters.toLowerCase() !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Registers the W3C propagators and an AsyncLocalStorage context manager, which the NodeSDK would
 * otherwise do. Without them, a `traceparent` received over HTTP or the bus would be dropped instead of
 * passed on, and logs would lose the trace id whenever tracing export is off.
 */
export function installPropagation(): void {
  if (propagationInstalled) return;
  propagationInstalled = true;
  const manager = new AsyncLocalStorageContextManager().enable();
  // False when the application registered its own: keep theirs.
  if (!context.setGlobalContextManager(manager)) manager.disable();
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
}

/**
 * Starts span export when the environment asks for it (OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, or
 * OTEL_TRACES_EXPORTER other than none, and OTEL_SDK_DISABLED not true); only propagation otherwise.
 * Call it first thing in `main`, before Nest, pg or ioredis are loaded, or their calls are not traced.
 * Calling it again returns the first handle.
 */
export function startTracing(options: TracingOptions): TracingHandle {
  if (handle) return handle;
  if (!tracingRequested()) {
    installPropagation();
    handle = { enabled: false, shutdown: async () => undefined };
    return handle;
  }
  const sdk = createSdk(options);
  sdk.start();
  propagationInstalled = true;
  let stopping: Promise<void> | undefined;
  handle = {
    enabled: true,
    shutdown: () => (stopping ??= stopSdk(sdk, options)),
  };
  return handle;
}

function createSdk(options: TracingOptions): NodeSDK {
  // The SDK and the instrumentations take ~0.4 s to load: required only when tracing is on.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const sdkNode = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof InstrumentationHttp;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof InstrumentationPg;
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof InstrumentationIoredis;
  const { defaultResource, resourceFromAttributes } = require('@opentelemetry/resources') as typeof Resources;
  const semconv = require('@opentelemetry/semantic-conventions') as typeof SemanticConventions;
  /* eslint-enable @typescript-eslint/no-require-imports */

  return new sdkNode.NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [semconv.ATTR_SERVICE_NAMESPACE]: 'rampart',
        [semconv.ATTR_SERVICE_NAME]: options.service,
        [semconv.ATTR_SERVICE_INSTANCE_ID]: options.instanceId,
        ...(options.version ? { [semconv.ATTR_SERVICE_VERSION]: options.version } : {}),
      }),
    ),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes arrive every few seconds and would drown the real traces.
        ignoreIncomingRequestHook: (request: IncomingMessage) => isProbeUrl(request.url),
      }),
      // Without a parent, outbox polling and BullMQ's Redis traffic would each become a trace of its own.
      // Query parameters stay out of spans (enhancedDatabaseReporting is off by default): they carry data.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
    // Metrics go to Prometheus and logs to stdout. Unless these variables ask for OTLP export of them too,
    // the SDK would start OTLP exporters for both by default.
    ...(process.env.OTEL_METRICS_EXPORTER ? {} : { metricReaders: [] }),
    ...(process.env.OTEL_LOGS_EXPORTER ? {} : { logRecordProcessors: [] }),
  });
}

async function stopSdk(sdk: NodeSDK, options: TracingOptions): Promise<void> {
  const timeoutMs = options.shutdownTimeoutMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([sdk.shutdown().then(() => 'done' as const), timeout]);
    if (outcome === 'timeout') {
      reportShutdownError(options, new Error(`span export did not finish in ${timeoutMs} ms`));
    }
  } catch (error) {
    reportShutdownError(options, error);
  } finally {
    clearTimeout(timer);
  }
}

function reportShutdownError(options: TracingOptions, error: unknown): void {
  if (options.onShutdownError) {
    options.onShutdownError(error);
    return;
  }
  process.emitWarning(
    `OpenTelemetry shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}
