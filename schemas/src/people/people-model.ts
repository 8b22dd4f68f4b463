import { z } from 'zod';
import { boundedText, multilineText } from '../ingest/primitives.js';
import { BilingualTextSchema } from '../i18n.js';

/**
 * People and how to reach them: the Phụ lục IX contact directory, the focal-point
 * register, notification preferences and the in-app inbox, the duty roster.
 */

/** What a person in the directory does; vendor team roles follow the handbook's counterpart teams. */
export const CONTACT_ROLES = [
  'cc_team',
  'leadership',
  'technical',
  'reporting',
  'vendor_senior',
  'PM',
  'SysAdmin',
  'Developer',
  'Onsite Supporter',
  'QA',
] as const;
export const ContactRoleSchema = z.enum(CONTACT_ROLES);
export type ContactRole = z.infer<typeof ContactRoleSchema>;

const phone = z
  .string()
  .regex(/^\+?[0-9 .-]{6,20}$/, { error: 'phone: digits, spaces, dots or dashes (6–20)' })
  .optional();

/** Body of `PUT /api/v1/contacts/:id`: one row of the directory. */
export const ContactInputSchema = z.strictObject({
  name: boundedText(120),
  /** The unit (province, agency) or vendor the row belongs to. */
  unit_code: z
    .string()
    .regex(/^(\d{2}|[A-Z][A-Z0-9]{1,11})$/)
    .optional(),
  vendor_code: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,11}$/)
    .optional(),
  /** A vendor counterpart team: which province it serves. */
  serves_province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  team: boundedText(160).optional(),
  role: ContactRoleSchema,
  /** The person's individual account, when they have one. */
  account_id: z.string().max(64).optional(),
  phone,
  hotline: phone,
  email: z.email().max(200).optional(),
  /** Zalo ZNS reaches a phone number (84…). */
  zalo_phone: z
    .string()
    .regex(/^84[0-9]{8,10}$/)
    .optional(),
  scope: multilineText(500).optional(),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactSchema = ContactInputSchema.extend({
  id: z.string(),
  unit_name: z.string().nullable(),
  updated_at: z.string(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof ContactSchema>;
export const ContactListSchema = z.object({ q: z.string(), total: z.number().int(), contacts: z.array(ContactSchema) });
export type ContactList = z.infer<typeof ContactListSchema>;

const PersonRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

/** One unit's row of the focal-point register: exactly one leadership and one technical individual account. */
export const FocalRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['province', 'agency', 'vendor']),
  /** For a province, its reporting focal point is the Văn phòng Tỉnh ủy. */
  reporting_office: z.string().nullable(),
  leadership: PersonRefSchema,
  technical: PersonRefSchema,
  complete: z.boolean(),
});
export type FocalRow = z.infer<typeof FocalRowSchema>;
export const FocalRegisterSchema = z.object({
  units: z.array(FocalRowSchema),
  missing: z.array(
    z.object({ code: z.string(), name: z.string(), lacks: z.array(z.enum(['leadership', 'technical'])) }),
  ),
  covered: z.number().int(),
  total: z.number().int(),
});
export type FocalRegister = z.infer<typeof FocalRegisterSchema>;

/** Folds Vietnamese for search: "Hà Nội" and "ha noi" meet at "ha noi". */
export function searchFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- notifications

export const CHANNELS = ['inapp', 'email', 'zalo', 'teams'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const PreferencesSchema = z.strictObject({
  /** Channels besides the in-app list, which is always on. */
  channels: z.array(ChannelSchema).max(4),
  /** Local (Asia/Ho_Chi_Minh) "HH:MM" window in which only P1 goes out on quick channels and email. */
  quiet_from: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
  quiet_to: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { channels: ['inapp', 'email'], quiet_from: null, quiet_to: null };

export const NotificationSchema = z.object({
  id: z.string(),
  at: z.string(),
  ticket_id: z.string().nullable(),
  priority: z.string(),
  title: BilingualTextSchema,
  body: BilingualTextSchema,
  link: z.string(),
  read: z.boolean(),
  /** Delivery per channel for this person: sent, pending (with retries), failed (dead-lettered), deferred (quiet hours). */
  deliveries: z.array(
    z.object({
      channel: ChannelSchema,
      state: z.enum(['pending', 'sent', 'failed', 'deferred']),
      error: z.string().nullable(),
    }),
  ),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const InboxSchema = z.object({ unread: z.number().int(), notifications: z.array(NotificationSchema) });
export type Inbox = z.infer<typeof InboxSchema>;

// ---------------------------------------------------------------- duty roster

/** The Command Center's five teams (seed §1.3): off-hours each needs at least one person on duty. */
export const CC_TEAMS = ['monitoring_gov', 'monitoring_party', 'analysis', 'vendor_coordination', 'knowledge'] as const;
export const CcTeamSchema = z.enum(CC_TEAMS);
export type CcTeam = z.infer<typeof CcTeamSchema>;
export const CC_TEAM_NAMES: Record<CcTeam, { vi: string; en: string }> = {
  monitoring_gov: { vi: 'Giám sát khối Chính phủ, địa phương', en: 'Monitoring: Government and provinces' },
  monitoring_party: { vi: 'Giám sát khối Đảng, Quốc hội, MTTQ', en: 'Monitoring: Party, National Assembly, Front' },
  analysis: { vi: 'Phân tích, tổng hợp, báo cáo', en: 'Analysis and reporting' },
  vendor_coordination: { vi: 'Điều phối doanh nghiệp, hỗ trợ kỹ thuật', en: 'Vendor coordination and support' },
  knowledge: { vi: 'Quản trị tri thức, hậu cần', en: 'Knowledge and logistics' },
};

/** Body of `POST /api/v1/roster`: who is on off-hours duty for each team on each day of one week. */
export const RosterInputSchema = z.strictObject({
  /** The Monday the week starts (local date). */
  week_start: z.iso.date(),
  entries: z
    .array(z.strictObject({ date: z.iso.date(), team: CcTeamSchema, account_id: z.string().min(1).max(64) }))
    .min(1)
    .max(500),
});
export type RosterInput = z.infer<typeof RosterInputSchema>;

export const OnDutySchema = z.object({
  at: z.string(),
  off_hours: z.boolean(),
  week_start: z.string().nullable(),
  people: z.array(z.object({ team: CcTeamSchema, account_id: z.string(), name: z.string() })),
});
export type OnDuty = z.infer<typeof OnDutySchema>;
