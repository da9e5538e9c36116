import { Body, Controller, HttpCode, Inject, Module, Post, type DynamicModule } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { z } from 'zod';
import {
  JobProcessor,
  OnEvent,
  OnRequest,
  OutboxWriter,
  QueueFactory,
  RampartEventContext,
  type JobContext,
  type QueueProcessor,
} from '@rampart/bus';
import type { PlatformConfig } from '@rampart/config';
import {
  SMOKE_QUEUES,
  SMOKE_REQUESTS,
  SmokeEmittedV1,
  type EventMessage,
  type JobMessage,
  type RequestMessage,
  type ServiceName,
} from '@rampart/contracts';
import { TransactionHost } from '@rampart/database';
import { AuditService } from '../audit/audit.service';
import { parseRequest } from '../http/request-validation';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { SmokeService } from './smoke.service';

const SmokeBody = z.strictObject({
  message: z.string().max(200, 'at most 200 characters').default('smoke'),
});

/**
 * The smoke handlers of one service. Built per service because the subjects and queue in the decorators
 * are the service's own.
 */
export function createSmokeModule(service: ServiceName): DynamicModule {
  const request = SMOKE_REQUESTS[service];
  const queue = SMOKE_QUEUES[service];

  @Controller()
  class SmokeHandler {
    constructor(private readonly smoke: SmokeService) {}

    @OnRequest(request)
    async answer(@Payload() message: RequestMessage<typeof request>) {
      return this.smoke.reply(message);
    }

    @OnEvent(SmokeEmittedV1, { durable: 'smoke-emitted' })
    async onEmitted(
      @Payload() event: EventMessage<typeof SmokeEmittedV1>,
      @Ctx() context: RampartEventContext,
    ) {
      await this.smoke.onEmitted(event, context.delivery);
    }
  }

  @Controller('v1/smoke')
  class SmokeController {
    constructor(private readonly smoke: SmokeService) {}

    /** Starts a platform-wide smoke test; every service records it in the audit log. */
    @Post()
    @HttpCode(202)
    async emit(@Body() body: unknown) {
      const { message } = parseRequest(SmokeBody, body);
      const { eventId, correlationId } = await this.smoke.emit(message);
      return { event_id: eventId, correlation_id: correlationId };
    }
  }

  @JobProcessor(queue, { concurrency: 4 })
  class SmokeJobProcessor implements QueueProcessor<typeof queue> {
    constructor(@Inject(SmokeService) private readonly smoke: SmokeService) {}

    async process(job: JobMessage<typeof queue>, _context: JobContext): Promise<void> {
      await this.smoke.recordProcessed(job);
    }
  }

  @Module({
    controllers: [SmokeHandler, SmokeController],
    providers: [
      {
        provide: SmokeService,
        useFactory: (
          config: PlatformConfig,
          txHost: TransactionHost,
          outbox: OutboxWriter,
          queues: QueueFactory,
          audit: AuditService,
        ) => new SmokeService(service, config.instanceId, txHost, outbox, queues, audit),
        inject: [PLATFORM_CONFIG, TransactionHost, OutboxWriter, QueueFactory, AuditService],
      },
      SmokeJobProcessor,
    ],
  })
  class SmokeModule {}

  return { module: SmokeModule };
}
