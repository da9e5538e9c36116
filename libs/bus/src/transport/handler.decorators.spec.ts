import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import {
  SMOKE_REQUESTS,
  SmokeEmittedV1,
  type EventMessage,
  type RequestMessage,
  type platformV1,
} from '@rampart/contracts';
import { RAMPART_HANDLER, OnEvent, OnRequest } from './handler.decorators';

const smoke = SMOKE_REQUESTS.incident;

class Handlers {
  @OnEvent(SmokeEmittedV1, { durable: 'record' })
  async onEvent(_event: EventMessage<typeof SmokeEmittedV1>): Promise<void> {}

  @OnRequest(smoke)
  async onRequest(request: RequestMessage<typeof smoke>) {
    return { service: 'incident', instance: 'i', message: request.message, repliedAt: undefined };
  }
}

// These classes exist to be type-checked (npm run typecheck): each marked line must fail to compile.
export class WrongHandlers {
  // @ts-expect-error an event handler must take the message type of its event
  @OnEvent(SmokeEmittedV1, { durable: 'wrong' })
  async onEvent(_event: platformV1.SmokeRequest): Promise<void> {}

  // @ts-expect-error a request handler must return the reply type of its subject
  @OnRequest(smoke)
  async onRequest(_request: RequestMessage<typeof smoke>) {
    return { status: 'ok' };
  }
}

describe('handler decorators', () => {
  it('registers the contract definition with the handler for the transport', () => {
    const onEvent = Object.getOwnPropertyDescriptor(Handlers.prototype, 'onEvent')!.value as object;
    expect(Reflect.getMetadata(PATTERN_METADATA, onEvent)).toEqual(['platform.smoke.emitted.v1']);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, onEvent)[RAMPART_HANDLER]).toMatchObject({
      kind: 'event',
      def: SmokeEmittedV1,
      options: { durable: 'record' },
    });
    const onRequest = Object.getOwnPropertyDescriptor(Handlers.prototype, 'onRequest')!.value as object;
    expect(Reflect.getMetadata(PATTERN_METADATA, onRequest)).toEqual(['incident.smoke.v1']);
    expect(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, onRequest)[RAMPART_HANDLER]).toMatchObject({
      kind: 'request',
      def: smoke,
    });
  });
});
