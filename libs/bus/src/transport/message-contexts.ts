import { BaseRpcContext } from '@nestjs/microservices';
import type { EventDelivery } from '../jetstream/consumer-runner';

/** What `@Ctx()` gives an event handler: the envelope and delivery facts of the event. */
export class RampartEventContext extends BaseRpcContext<[EventDelivery]> {
  get delivery(): EventDelivery {
    return this.getArgByIndex(0) as EventDelivery;
  }
}

export interface RequestInfo {
  subject: string;
  correlationId: string;
  /** The calling service (from the `ce-source` header), when it said. */
  caller?: string;
}

/** What `@Ctx()` gives a request handler. */
export class RampartRequestContext extends BaseRpcContext<[RequestInfo]> {
  get request(): RequestInfo {
    return this.getArgByIndex(0) as RequestInfo;
  }
}
