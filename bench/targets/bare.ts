// Baseline target: a bare Fastify 5 app with one JSON route, no plugins, no logger.
import Fastify from 'fastify';
import { sendToParent, serveParent } from './protocol.ts';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (typeof address !== 'object' || address === null) throw new Error('no port');
await sendToParent({
  type: 'ready',
  url: `http://127.0.0.1:${address.port}/hello`,
  headers: {},
  description: 'bare Fastify 5, one JSON route',
});
await serveParent();
await app.close();
await sendToParent({ type: 'stopped' }).catch(() => {});
process.disconnect?.();
