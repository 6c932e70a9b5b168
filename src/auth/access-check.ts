import { INestApplication, Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from './auth.decorators';

/**
 * Refuses to start if any endpoint says nothing about who may call it: a forgotten @Requires would
 * otherwise be found by a user, not by us.
 */
export function assertEveryRouteDeclaresAccess(app: INestApplication): void {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const missing: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const isRoute = Reflect.getMetadata('method', handler) !== undefined;
      if (!isRoute) continue;
      if (!reflector.getAllAndOverride(ACCESS_METADATA, [handler, wrapper.metatype as Type])) {
        missing.push(`${wrapper.name}.${name}`);
      }
    }
  }
  if (missing.length > 0) throw new Error(`Endpoints without @Public, @Authenticated or @Requires: ${missing.join(', ')}`);
}
