import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The pages (web/, built by Vite) are served by the API's own process under /app/: one port, nothing
 * fetched from elsewhere. Hashed assets are cached for good; every other path under /app/ answers the
 * single page (no-cache), so a deep link such as /app/cases/<id> or a reminder's link opens the page.
 * A missing asset is the API's JSON 404, like any unknown route.
 */
export async function servePages(app: NestFastifyApplication, webDir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', (_request, reply) => reply.redirect('/app/'));
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('Pages').warn(`The pages are not built (no ${indexFile}): run "npm run build" to serve them under /app/.`);
    return;
  }
  const page = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root: join(webDir, 'assets'),
    prefix: '/app/assets/',
    // the API documentation registers its own static files: one decoration of reply is allowed
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    // the build writes .br and .gz copies (web/scripts/compress.mjs): sent to browsers that take them
    preCompressed: true,
  });
  fastify.get('/app', (_request, reply) => reply.redirect('/app/'));
  fastify.get('/app/*', (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page),
  );
}
