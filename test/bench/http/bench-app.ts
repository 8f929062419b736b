import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BenchAppModule } from './bench-app.module.js';

export const ADAPTERS = ['express', 'fastify'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export function isAdapterName(value: unknown): value is AdapterName {
  return ADAPTERS.includes(value as AdapterName);
}

/**
 * The bench module on one adapter, each with its own default JSON body parser. Each adapter's package is
 * imported only when used, so a server process loads one of them.
 */
export async function createBenchApp(adapter: AdapterName): Promise<INestApplication> {
  if (adapter === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    return NestFactory.create(BenchAppModule, new FastifyAdapter(), { logger: false });
  }
  const { ExpressAdapter } = await import('@nestjs/platform-express');
  const app = await NestFactory.create(BenchAppModule, new ExpressAdapter(), { logger: false });
  // As the api does (app.factory.ts): no X-Powered-By, and no ETag hashed from every body; Fastify does neither by default.
  const express = app.getHttpAdapter().getInstance() as { disable(setting: string): void; set(setting: string, value: unknown): void };
  express.disable('x-powered-by');
  express.set('etag', false);
  return app;
}
