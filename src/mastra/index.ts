import '../config/normalise-env.ts';
import { createApp } from '../app.ts';
import { logUnhandledRejections } from '../app/process-guards.ts';
import { config } from '../config/index.ts';
import { serverConfig } from '../http/server-config.ts';

/**
 * The entry Mastra's CLI loads (`mastra dev`, `mastra build`): the app built by the one composition
 * root with the product's HTTP surface, so Studio and the built server are the product `npm start`
 * serves. Only this module holds an instance.
 */
export const app = await createApp(config(), { server: serverConfig });
export const mastra = app.mastra;
logUnhandledRejections(app.logger);
