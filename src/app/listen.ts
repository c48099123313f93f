import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { AppError } from '../errors/app-error.ts';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections and waits up to `graceMs` for in-flight requests. */
  close(graceMs?: number): Promise<void>;
}

/** Listen on host:port (port 0 = any free port) and resolve once bound. */
export function listen(app: Hono<any>, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolveListen, rejectListen) => {
    let server: ServerType | undefined;
    const onError = (error: NodeJS.ErrnoException) => {
      rejectListen(
        error.code === 'EADDRINUSE'
          ? new AppError('CONFIG_ERROR', `Invalid PORT: ${host}:${port} is already in use`, {
              field: 'PORT',
            })
          : new AppError('CONFIG_ERROR', `Cannot listen on ${host}:${port}: ${error.message}`, {
              field: 'HOST',
            }),
      );
    };
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server!.off('error', onError);
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolveListen({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: (graceMs = 3000) =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => {
              (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            }, graceMs);
            timer.unref();
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
            server!.close(() => {
              clearTimeout(timer);
              done();
            });
          }),
      });
    });
    server.once('error', onError);
  });
}
