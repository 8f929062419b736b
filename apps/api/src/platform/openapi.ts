import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { describeContract } from './contract/contract-document.js';
import { routeFactsOf } from './contract/route-facts.js';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

/**
 * GET /docs (UI) and GET /docs-json, built once, on first request, from the controllers and DTOs and completed
 * from each route's own declarations (contract/): headers, problem responses, who may call.
 */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Actiontrail')
    .setDescription('Council committee decisions and the actions assigned to officers. Errors are application/problem+json (RFC 9457).')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const build = () =>
    describeContract(
      SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller}_${method}` }),
      routeFactsOf(app),
    );
  SwaggerModule.setup(DOCS_PATH, app, build, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    raw: ['json'],
  });
}
