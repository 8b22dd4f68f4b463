/* The 07:30 data-source check (api/src/sources/routes.ts): readable with any session, the display's too. */
import { shaped } from './parsers';
import type { RestClient } from './rest';
import type { ProvinceCounterList, SourcePanel, SyncStatus } from './source-types';

export class SourcesApi {
  constructor(readonly rest: RestClient) {}

  panel(signal?: AbortSignal): Promise<SourcePanel> {
    return this.rest.get(
      '/api/v1/sources',
      shaped<SourcePanel>({ summary: 'object', vendors: 'array', systems: 'array', provinces: 'array' }),
      signal,
    );
  }

  /** Each commune-level unit of one province with its last counter report; `silent` for the drill. */
  counters(province: string, status?: SyncStatus, signal?: AbortSignal): Promise<ProvinceCounterList> {
    const q = new URLSearchParams({ province });
    if (status) q.set('status', status);
    return this.rest.get(
      `/api/v1/sources/counters?${q.toString()}`,
      shaped<ProvinceCounterList>({ counters: 'array', province: 'string' }),
      signal,
    );
  }
}
