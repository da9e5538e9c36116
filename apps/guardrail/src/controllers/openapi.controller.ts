import { Controller, Get } from '@nestjs/common';
import { guardrailOpenApiDocument } from '../openapi/openapi.document';

const document = guardrailOpenApiDocument('0.1.0');

@Controller()
export class OpenApiController {
  /** The OpenAPI 3.1 document of this service's HTTP API. */
  @Get('openapi.json')
  openapi() {
    return document;
  }
}
