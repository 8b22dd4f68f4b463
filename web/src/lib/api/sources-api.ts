/* The 07:30 data-source check (api/src/sources/routes.ts): readable with any session, the display's too. */
import {
  ProvinceCounterListSchema,
  SourcePanelSchema,
  type ProvinceCounterList,
  type SourcePanel,
  type SyncStatus,
} from '@kh02/schemas';
import type { RestClient } from './rest';

export class SourcesApi {
  constructor(readonly rest: RestClient) {}

  panel(signal?: AbortSignal): Promise<SourcePanel> {
    return this.rest.get('/api/v1/sources', SourcePanelSchema, signal);
  }

  /** Each commune-level unit of one province with its last counter report; `silent` for the drill. */
  counters(province: string, status?: SyncStatus, signal?: AbortSignal): Promise<ProvinceCounterList> {
    const q = new URLSearchParams({ province });
    if (status) q.set('status', status);
    return this.rest.get(`/api/v1/sources/counters?${q.toString()}`, ProvinceCounterListSchema, signal);
  }
}
