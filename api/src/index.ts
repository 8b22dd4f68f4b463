// The api library: status engine, live feed, read API, tickets, accounts, audit and reports.
// The composition root (@kh02/server) wires these into a process.
export { buildApiApp, type ApiAppDeps } from './app.js';
export { StatusEngine, type MaintenancePort, type StatusEngineDeps, type TicketStatusPort } from './status/engine.js';
export { StatusService, type StatusServiceDeps } from './status/status-service.js';
export { StatusHistoryStore, type RedSpell } from './status/history-store.js';
export {
  DEFAULT_STATUS_CONFIG,
  DEFAULT_THRESHOLDS,
  parseStatusConfig,
  ThresholdsSchema,
  type StatusConfig,
  type Thresholds,
} from './status/config.js';
export { calendarPort, loadCalendarFile } from './status/calendar-port.js';
export type { WorkingCalendarPort } from './status/evaluate/context.js';
export { DEFAULT_LIVE_OPTIONS, LiveHub, type LiveHubOptions, type LiveServer } from './live/live-hub.js';
export { defaultSlaPolicy, isWorkingDay, type SlaPolicy, type WorkingCalendar } from './calendar/index.js';
export { EventLog, VersionConflictError, type EventLogHandler } from './event-log/event-log.js';
export { ConfigAudit } from './audit/config-audit.js';
export { ExportAudit, type ExportRecord } from './audit/export-audit.js';
export { AccountService, NewAccountSchema, type NewAccount } from './auth/accounts.js';
export { createDemoAccounts, DEMO_DISPLAY_USER } from './auth/demo-accounts.js';
export { SYSTEM_PRINCIPAL } from './auth/principal.js';
export { SessionTokens } from './auth/sessions.js';
export { TicketService, type ActionInput, type TicketServiceDeps } from './tickets/ticket-service.js';
export { TaskService, type TaskServiceDeps } from './tasks/task-service.js';
export { wallUnitOf } from './tickets/ticket-views.js';
export { attachTicketFeed, type TicketFeedDeps } from './tickets/ticket-feed.js';
export { openTicketsForSeriousIncidents } from './incidents/incident-tickets.js';
export { createReportModule, type ReportModule, type ReportModuleDeps } from './reports/report-module.js';
export {
  decryptCredential,
  encryptCredential,
  loadPullSources,
  parseCredentialsKey,
  PullScheduler,
  PullSourceSchema,
  PullSourcesFileSchema,
  type PullSource,
} from './pull/index.js';
export { ContactService } from './people/contacts.js';
export { focalRegister } from './people/focal-register.js';
export { createDemoContacts } from './people/demo-contacts.js';
export { registerPeopleRoutes, type PeopleRouteDeps } from './people/routes.js';
export { EmailNotifier, type SmtpSettings } from './notify/email-notifier.js';
export { TeamsWebhookNotifier, ZaloZnsNotifier } from './notify/http-notifiers.js';
export { PermanentDeliveryError, type Delivery, type Notifier } from './notify/notifier.js';
export { NotificationOutbox, type OutboxDeps } from './notify/outbox.js';
export { registerNotifyRoutes, type NotifyRouteDeps } from './notify/routes.js';
export { RosterService } from './roster/roster.js';
export { createDemoRoster } from './roster/demo-roster.js';
export { escalateOverdue, watchClocks } from './tickets/escalation.js';
export { MaintenanceService } from './maintenance/maintenance-service.js';
export { MaintenanceBook } from './maintenance/maintenance-book.js';
