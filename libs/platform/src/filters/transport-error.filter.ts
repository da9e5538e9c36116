import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { RpcErrorFilter } from '@rampart/bus';
import type { Observable } from 'rxjs';
import type { HttpErrorFilter } from './http-error.filter';

/**
 * A hybrid Nest app shares its global filters with the microservice, and only one catch-all filter runs:
 * this one hands each error to the filter of the transport it came from.
 */
@Catch()
export class TransportErrorFilter implements ExceptionFilter {
  private readonly rpc = new RpcErrorFilter();

  constructor(private readonly http: HttpErrorFilter) {}

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return this.rpc.catch(exception);
    return this.http.catch(exception, host);
  }
}
