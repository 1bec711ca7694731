import type { App, RouteAccess } from './fastify-types.ts';

/** One registered method + URL, as the generic HTTP tests (isolation, bad bodies, OpenAPI) walk them. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** Path parameter names, in URL order (`/v1/api-keys/:id` → `['id']`). */
  params: string[];
  /** The route's body schema (zod), undefined when it declares none. */
  body: unknown;
  /** The route's path-params schema (zod), undefined when it declares none. */
  paramsSchema: unknown;
  /** `schema.hide`: left out of the OpenAPI document. */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

/** Records every route registered after this call (plugins included) in `app.routeTable`. */
export function recordRouteTable(app: App): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      table.push({
        method,
        url: route.url,
        access: route.config?.access,
        params: [...route.url.matchAll(/:(\w+)/g)].flatMap((match) => match.slice(1, 2)),
        body: route.schema?.body,
        paramsSchema: route.schema?.params,
        hidden: route.schema?.hide === true,
      });
    }
  });
}
