import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint; 404 when metrics are disabled, so nothing is exposed by accident. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: ServerResponse): Promise<string> {
    if (!this.metrics.enabled) throw new NotFoundException();
    const body = await this.metrics.metrics();
    response.setHeader('Content-Type', this.metrics.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return body;
  }
}
