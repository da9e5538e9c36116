// Tracing must be set up before anything that it instruments (http, pg, ioredis) is loaded.
import './instrumentation';
import { bootstrap } from './bootstrap';

void bootstrap();
