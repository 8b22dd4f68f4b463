/*
 * The report and data-source panel types are mirrored from the api package
 * (they are not in @kh02/schemas). These checks fail the type check when the
 * two drift apart; the runtime assertions only keep vitest happy.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { Report as ApiReport, ReportEnvelope as ApiEnvelope } from '../../../../api/src/reports/report-model';
import type { SourcePanel as ApiPanel, CounterSource as ApiCounter } from '../../../../api/src/sources/source-model';
import type { Principal as ApiPrincipal } from '../../../../api/src/auth/principal';
import type { Principal } from './auth-api';
import type { Report, ReportEnvelope } from './report-types';
import type { CounterSource, SourcePanel } from './source-types';

describe('mirrored api contracts', () => {
  it('match the api types exactly', () => {
    expectTypeOf<Report>().toEqualTypeOf<ApiReport>();
    expectTypeOf<ReportEnvelope>().toEqualTypeOf<ApiEnvelope>();
    expectTypeOf<SourcePanel>().toEqualTypeOf<ApiPanel>();
    expectTypeOf<CounterSource>().toEqualTypeOf<ApiCounter>();
    expectTypeOf<Principal>().toEqualTypeOf<ApiPrincipal>();
  });
});
