import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { assertEveryRouteDeclaresAccess } from './auth/access-check';
import { EVIDENCE_UPLOAD_TYPES } from './case-files/evidence-upload-types';
import { ROSTER_CONTENT_TYPES } from './claims/roster/roster-content-types';
import { registerHostileInputGuard } from './common/http/hostile-input';
import { servePages } from './web-pages/serve-pages';

/** Builds the HTTP application; main.ts and the e2e tests both start the service through here. */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimitBytes,
    // the client's address behind a proxy (the public pages' limits per address): only the proxies named
    ...(options.config.trustProxy !== null && { trustProxy: options.config.trustProxy }),
  });
  // Rosters arrive as CSV or XLSX files in the request body; JSON is Fastify's own.
  adapter.getInstance().addContentTypeParser(ROSTER_CONTENT_TYPES, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  // Evidence files (photos, PDF scans) arrive as themselves in the request body, too.
  adapter.getInstance().addContentTypeParser(EVIDENCE_UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  registerHostileInputGuard(adapter.getInstance());
  closeConnectionsWhenStopping(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: loggerLevels(options.config.logLevel),
  });
  assertEveryRouteDeclaresAccess(app);
  await app.register(helmet, { contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY }, strictTransportSecurity: false });
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    if (arrivedOverHttps(request)) void reply.header('strict-transport-security', HSTS);
  });
  app.enableCors({
    origin: options.config.corsOrigins.length > 0 ? options.config.corsOrigins : false,
    methods: ['GET', 'POST', 'PATCH', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key'],
  });
  // described on the first visit to /docs, not at every start (a tenth of the start-up, issue 17)
  SwaggerModule.setup('docs', app, () => describeApi(app), { jsonDocumentUrl: 'docs/json' });
  await servePages(app, options.config.webDir);
  return app;
}

/**
 * Once the service is stopping (SIGTERM), an answer still in flight closes its connection. Fastify
 * closes the connections that are idle when it starts closing, but one busy then (a roster import)
 * would stay open after its answer, as a client's keep-alive, and hold the process for the server's
 * idle timeout (72 s): a deployment would wait that long for the old process to go.
 */
function closeConnectionsWhenStopping(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('preClose', async () => {
    stopping = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (stopping) void reply.header('connection', 'close');
  });
}

/**
 * The strict defaults, less two that break the product on an office network: no
 * upgrade-insecure-requests (opened over plain http by a LAN name or address, the browser would fetch
 * every script over https and show a blank page), and blob: images (a photo picked on a phone is
 * previewed from a blob: URL). The API documentation needs its inline scripts; antd writes its styles
 * inline.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  upgradeInsecureRequests: null,
};

/**
 * HSTS only on an answer that went out over https (the service's own TLS, or a proxy in front that ends
 * TLS and says so): over plain http, the way a LAN name or address is opened, the header means nothing.
 */
const HSTS = 'max-age=31536000; includeSubDomains';
function arrivedOverHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proxied = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  return request.protocol === 'https' || proxied === 'https';
}

/** The OpenAPI document served at /docs/json; `npm run api:types` makes the web client's types from it. */
export function describeApi(app: NestFastifyApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Wage-arrears dispute tracker')
      .setDescription(
        'Cases of unpaid wages from intake to payout. Money is yuan as a decimal string ("12000.50"); ' +
          'dates are Asia/Shanghai calendar days (YYYY-MM-DD). Errors carry a stable `code`; messages are ' +
          'Chinese unless the request sends `Accept-Language: en`.',
      )
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
}

function loggerLevels(level: AppOptions['config']['logLevel']) {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1) as ('error' | 'warn' | 'log' | 'debug' | 'verbose')[];
}
