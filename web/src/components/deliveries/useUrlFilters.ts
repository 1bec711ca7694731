import { useSearchParams } from 'wouter';

export type FilterName = 'campaign' | 'channel' | 'status';
export type Filters = Partial<Record<FilterName, string>>;

/**
 * Filters kept in the address (`?campaign=<id>&status=failed`), so a filtered list can be linked
 * and survives a reload; changing one replaces the history entry instead of adding one.
 */
export function useUrlFilters(names: readonly FilterName[]) {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const setFilter = (name: FilterName, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return { filters, setFilter };
}
