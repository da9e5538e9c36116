import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { ALL_STREAMS, DEADLETTER_STREAM, eventsOfStream, type StreamDef } from '@rampart/contracts';
import { BusError } from '../bus-error';
import type { BusLogger } from '../bus-logger';
import type { BusNaming } from '../bus-naming';

const STREAM_NAME_IN_USE = 10058;
const STREAM_NOT_FOUND = 10059;

/**
 * Creates or updates the JetStream streams declared in the contracts. Idempotent, and safe when several
 * services start at once: a stream only ever gains subjects here, so a rolling deploy never removes a
 * subject an older replica still publishes on.
 */
export class StreamProvisioner {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly naming: BusNaming,
    private readonly replicas: number,
    private readonly logger: BusLogger,
  ) {}

  async ensureAll(streams: readonly StreamDef[] = ALL_STREAMS): Promise<void> {
    for (const stream of streams) await this.ensure(stream);
  }

  subjectsOf(stream: StreamDef): string[] {
    if (stream.name === DEADLETTER_STREAM.name) return [this.naming.deadLetterWildcard()];
    return eventsOfStream(stream).map((event) => this.naming.subject(event.type));
  }

  async ensure(stream: StreamDef, attempt = 0): Promise<void> {
    const name = this.naming.stream(stream);
    const wanted = this.subjectsOf(stream);
    try {
      const existing = await this.findStream(name);
      if (!existing) {
        await this.jsm.streams.add(this.configOf(stream, name, wanted));
        this.logger.info({ stream: name, subjects: wanted }, 'created JetStream stream');
        return;
      }
      const subjects = [...new Set([...(existing.subjects ?? []), ...wanted])];
      const changed =
        subjects.length !== (existing.subjects ?? []).length ||
        existing.max_age !== nanos(stream.maxAgeMs) ||
        existing.duplicate_window !== nanos(stream.duplicateWindowMs);
      if (changed) {
        await this.jsm.streams.update(name, {
          ...existing,
          subjects,
          max_age: nanos(stream.maxAgeMs),
          duplicate_window: nanos(stream.duplicateWindowMs),
        });
        this.logger.info({ stream: name, subjects }, 'updated JetStream stream');
      }
    } catch (error) {
      // Another service created it between our lookup and our add: look again.
      if (error instanceof JetStreamApiError && error.code === STREAM_NAME_IN_USE && attempt < 3) {
        return this.ensure(stream, attempt + 1);
      }
      if (error instanceof BusError) throw error;
      throw new BusError(
        'BUS_PROVISIONING_FAILED',
        `Cannot provision JetStream stream ${name}: ${(error as Error).message}`,
        { cause: error, retryable: true },
      );
    }
  }

  private async findStream(name: string): Promise<StreamConfig | undefined> {
    try {
      return (await this.jsm.streams.info(name)).config;
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === STREAM_NOT_FOUND) return undefined;
      throw error;
    }
  }

  private configOf(
    stream: StreamDef,
    name: string,
    subjects: string[],
  ): Partial<StreamConfig> & { name: string } {
    return {
      name,
      description: stream.description,
      subjects,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(stream.maxAgeMs),
      duplicate_window: nanos(stream.duplicateWindowMs),
      num_replicas: this.replicas,
      deny_delete: stream.immutable ?? false,
      deny_purge: stream.immutable ?? false,
      allow_direct: true,
    };
  }
}
