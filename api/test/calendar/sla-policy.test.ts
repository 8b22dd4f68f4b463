import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../src/calendar/messages.js';
import { defaultSlaPolicy, loadSlaPolicy, slaPolicySchema } from '../../src/calendar/sla-policy.js';
import { hr, min } from '../support/calendar.js';

describe('SLA policy', () => {
  it('encodes the handbook table', () => {
    expect(defaultSlaPolicy.priorities).toEqual({
      P1: { respond: { kind: 'wall', ms: min(15) }, fix: { kind: 'wall', ms: hr(2) } },
      P2: { respond: { kind: 'wall', ms: min(30) }, fix: { kind: 'wall', ms: hr(4) } },
      P3: { respond: { kind: 'working', ms: hr(2) }, fix: { kind: 'working', ms: hr(8) } },
      P4: { respond: { kind: 'working', ms: hr(4) }, fix: null },
    });
    expect(defaultSlaPolicy.verify).toEqual({ kind: 'wall', ms: min(15) });
    expect(defaultSlaPolicy.assign).toEqual({ kind: 'wall', ms: min(30) });
    expect(defaultSlaPolicy.acknowledge).toEqual({ kind: 'working', ms: hr(2) });
    expect(defaultSlaPolicy.escalateAfter).toEqual({ kind: 'wall', ms: hr(24) });
    expect(defaultSlaPolicy.nearFraction).toBe(0.8);
  });

  it('passes its own schema, so it can round-trip through JSON config', () => {
    expect(loadSlaPolicy(JSON.parse(JSON.stringify(defaultSlaPolicy)))).toEqual(defaultSlaPolicy);
    expect(slaPolicySchema.safeParse(defaultSlaPolicy).success).toBe(true);
  });

  it('rejects bad policies with bilingual, located messages', () => {
    const bad = JSON.parse(JSON.stringify(defaultSlaPolicy)) as Record<string, unknown>;
    bad.nearFraction = 1.5;
    bad.verify = { kind: 'calendar', ms: 900_000 };
    let caught: unknown;
    try {
      loadSlaPolicy(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const { issues, message } = caught as ConfigValidationError;
    expect(message).toMatch(/^Cấu hình SLA không hợp lệ \/ invalid SLA policy/);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^verify\.kind: giá trị không được phép \/ /),
        expect.stringMatching(/^nearFraction: quá lớn/),
      ]),
    );
  });

  it('rejects a zero or fractional budget', () => {
    const zero = { ...defaultSlaPolicy, assign: { kind: 'wall', ms: 0 } };
    expect(() => loadSlaPolicy(zero)).toThrow(/assign\.ms/);
    const fractional = { ...defaultSlaPolicy, assign: { kind: 'wall', ms: 1.5 } };
    expect(() => loadSlaPolicy(fractional)).toThrow(/assign\.ms/);
  });
});
