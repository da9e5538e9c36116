import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import {
  BusError,
  OnEvent,
  OnRequest,
  RampartEventContext,
  RampartNatsServer,
  RampartRequestContext,
  RemoteCallError,
  RequestClient,
  RpcErrorFilter,
  silentLogger,
} from '@rampart/bus';
import {
  ContractError,
  HEADER,
  SMOKE_REQUESTS,
  SmokeEmittedV1,
  type EventMessage,
  type RequestMessage,
} from '@rampart/contracts';
import { runWithContext } from '@rampart/observability';
import { waitFor } from '@rampart/testing';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { createBusTestKit, type BusTestKit } from './bus-test-kit';

const smoke = SMOKE_REQUESTS.guardrail;
const seen: { correlationIds: string[]; events: { message: string; id: string; correlation: string }[] } = {
  correlationIds: [],
  events: [],
};

@Controller()
class TestHandlers {
  @OnRequest(smoke)
  async answer(@Payload() request: RequestMessage<typeof smoke>, @Ctx() context: RampartRequestContext) {
    seen.correlationIds.push(context.request.correlationId);
    if (request.message === 'reject')
      throw new ContractError('CONTRACT_PAYLOAD_INVALID', 'message "reject" is refused');
    if (request.message === 'crash') throw new Error('database password=s3cret exploded');
    return {
      service: 'guardrail',
      instance: 'test',
      message: request.message.toUpperCase(),
      repliedAt: timestampNow(),
    };
  }

  @OnEvent(SmokeEmittedV1, { durable: 'nest-transport-test', deliverPolicy: 'new', idempotent: false })
  async onSmoke(@Payload() event: EventMessage<typeof SmokeEmittedV1>, @Ctx() context: RampartEventContext) {
    seen.events.push({
      message: event.message,
      id: context.delivery.envelope.id,
      correlation: context.delivery.envelope.correlationid,
    });
  }
}

@Module({ controllers: [TestHandlers] })
class TestModule {}

describe('NATS transport for Nest (RampartNatsServer)', () => {
  let kit: BusTestKit;
  let app: INestMicroservice;
  let client: RequestClient;

  beforeAll(async () => {
    kit = await createBusTestKit('nest_transport');
    const server = new RampartNatsServer({
      connection: kit.connection,
      naming: kit.naming,
      service: 'guardrail',
      deadLetters: kit.deadLetters,
      txHost: kit.txHost,
      maxDeliver: 3,
      ackWaitMs: 5_000,
      logger: silentLogger,
    });
    app = await NestFactory.createMicroservice(TestModule, { strategy: server, logger: false });
    app.useGlobalFilters(new RpcErrorFilter());
    await app.listen();
    client = new RequestClient(kit.connection.nc, kit.naming, 'adversary');
  });

  afterAll(async () => {
    await app.close();
    await kit.close();
  });

  it('answers a typed request with the handler reply, decoded against the reply schema', async () => {
    const reply = await client.request(smoke, { message: 'ping' });
    expect(reply.$typeName).toBe('rampart.platform.v1.SmokeReply');
    expect(reply).toMatchObject({ service: 'guardrail', message: 'PING' });
    expect(reply.repliedAt?.seconds).toBeGreaterThan(0n);
  });

  it("carries the caller's correlation id to the handler", async () => {
    await runWithContext({ correlationId: 'corr-from-caller' }, () =>
      client.request(smoke, { message: 'who' }),
    );
    expect(seen.correlationIds).toContain('corr-from-caller');
  });

  it('turns a coded handler error into a RemoteCallError with the same code and status', async () => {
    const error = await client.request(smoke, { message: 'reject' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteCallError);
    expect(error).toMatchObject({
      code: 'CONTRACT_PAYLOAD_INVALID',
      status: 400,
      message: 'message "reject" is refused',
    });
  });

  it('answers an unexpected failure with INTERNAL_ERROR and no internals', async () => {
    const error = (await client
      .request(smoke, { message: 'crash' })
      .catch((e: unknown) => e)) as RemoteCallError;
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(error.message).not.toMatch(/password|s3cret|exploded/);
    expect(error.correlationId).toBeTruthy();
  });

  it('refuses a payload that does not match the request schema with a clear error reply', async () => {
    const headers = natsHeaders();
    headers.set(HEADER.correlationid, 'bad-payload');
    const reply = await kit.connection.nc.request(
      kit.naming.subject(smoke.subject),
      '{"message": ["not", "a", "string"]}',
      {
        headers,
        timeout: 2_000,
      },
    );
    expect(reply.headers?.get(HEADER.errorCode)).toBe('CONTRACT_PAYLOAD_INVALID');
    const body = JSON.parse(new TextDecoder().decode(reply.data)) as {
      message: string;
      correlation_id: string;
    };
    expect(body.message).toMatch(/SmokeRequest/);
    expect(body.correlation_id).toBe('bad-payload');
  });

  it('reports a missing responder as a retryable BUS_NO_RESPONDERS error', async () => {
    const error = await client
      .request(SMOKE_REQUESTS.learning, { message: 'anyone?' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusError);
    expect(error).toMatchObject({ code: 'BUS_NO_RESPONDERS', retryable: true });
  });

  it('delivers events to @OnEvent handlers through their durable consumer, with the envelope', async () => {
    const sent = await runWithContext({ correlationId: 'corr-event' }, () =>
      kit.publisher.publish(SmokeEmittedV1, { message: 'to nest', originService: 'test' }),
    );
    const event = await waitFor('the handler to receive the event', () =>
      seen.events.find((e) => e.id === sent.id),
    );
    expect(event).toEqual({ message: 'to nest', id: sent.id, correlation: 'corr-event' });
  });
});
