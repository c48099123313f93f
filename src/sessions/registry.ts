import type { Mastra } from '@mastra/core/mastra';
import { AppError } from '../errors/app-error.ts';
import type { SessionService } from './service.ts';

const services = new WeakMap<Mastra, SessionService>();

/** Makes `service` the session service of `mastra` (the composition root does, once). */
export function registerSessionService(mastra: Mastra, service: SessionService): void {
  services.set(mastra, service);
}

/**
 * The session service of the Mastra instance running a step (`execute: ({ mastra }) => …`): steps
 * get their services from the instance they run on, never from a module singleton.
 */
export function sessionServiceOf(mastra: Mastra | undefined): SessionService {
  const service = mastra && services.get(mastra);
  if (!service)
    throw new AppError('INTERNAL', 'no session service is registered for this Mastra instance');
  return service;
}
