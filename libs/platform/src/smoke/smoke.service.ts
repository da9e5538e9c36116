import {
  SMOKE_QUEUES,
  type SMOKE_REQUESTS,
  SmokeEmittedV1,
  type EventMessage,
  type JobMessage,
  type ReplyData,
  type RequestMessage,
  type ServiceName,
} from '@rampart/contracts';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import type { EventDelivery, OutboxWriter, QueueFactory } from '@rampart/bus';
import type { TransactionHost } from '@rampart/database';
import type { AuditService } from '../audit/audit.service';

type SmokeQueue = (typeof SMOKE_QUEUES)[ServiceName];
type SmokeRequestDef = (typeof SMOKE_REQUESTS)[ServiceName];

/**
 * The smoke path every service implements, proving each hop of the platform with real traffic:
 * HTTP → (audit + outbox, one transaction) → JetStream → every service's durable consumer → its BullMQ
 * queue → its worker → the audit log; and a NATS request-reply round trip.
 */
export class SmokeService {
  constructor(
    private readonly service: ServiceName,
    private readonly instanceId: string,
    private readonly txHost: TransactionHost,
    private readonly outbox: OutboxWriter,
    private readonly queues: QueueFactory,
    private readonly audit: AuditService,
  ) {}

  /** Records the request and commits the event with it; the relay publishes after the commit. */
  async emit(message: string): Promise<{ eventId: string; correlationId: string }> {
    return this.txHost.run(async () => {
      const envelope = await this.outbox.enqueue(SmokeEmittedV1, { message, originService: this.service });
      await this.audit.record({
        actor: `service:${this.service}`,
        action: 'smoke.requested',
        resource: `smoke/${envelope.id}`,
        correlationId: envelope.correlationid,
        payload: { message },
      });
      return { eventId: envelope.id, correlationId: envelope.correlationid };
    });
  }

  reply(request: RequestMessage<SmokeRequestDef>): ReplyData<SmokeRequestDef> {
    return {
      service: this.service,
      instance: this.instanceId,
      message: request.message,
      repliedAt: timestampNow(),
    };
  }

  /** Hands the event to this service's queue; the job id makes a redelivered event enqueue nothing new. */
  async onEmitted(event: EventMessage<typeof SmokeEmittedV1>, delivery: EventDelivery): Promise<void> {
    await this.queues.enqueue(
      SMOKE_QUEUES[this.service],
      { eventId: delivery.envelope.id, message: event.message, originService: event.originService },
      { jobId: `smoke-${delivery.envelope.id}` },
    );
  }

  async recordProcessed(job: JobMessage<SmokeQueue>): Promise<void> {
    await this.audit.record({
      actor: `service:${this.service}`,
      action: 'smoke.processed',
      resource: `smoke/${job.eventId}`,
      payload: { message: job.message, origin_service: job.originService },
    });
  }
}
