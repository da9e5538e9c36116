import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * The NATS transport's one exception filter. Nest's default would replace every error with a generic
 * object; this hands the original error back to RampartNatsServer, which decides retries and dead letters
 * for events and writes coded error replies for requests.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
