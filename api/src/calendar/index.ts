/**
 * Vietnamese working calendar, lunar calendar and SLA clocks.
 * Pure functions over UTC instants; Vietnam's UTC+7 is applied explicitly.
 */
export {
  workingCalendarConfigSchema,
  bilingualNameSchema,
  type WorkingCalendarConfig,
  type HolidayEntry,
  type MakeUpDayEntry,
  type YearEntry,
  type BilingualName,
} from './config-schema.js';
export { ConfigValidationError } from './messages.js';
export {
  loadWorkingCalendar,
  isWorkingDay,
  isWorkingInstant,
  holidayOn,
  isYearCovered,
  type WorkingCalendar,
  type DayNote,
  type Session,
} from './working-calendar.js';
export { addWorkingTime, workingTimeBetween } from './working-time.js';
export {
  clockBudgetSchema,
  prioritySchema,
  slaPolicySchema,
  defaultSlaPolicy,
  loadSlaPolicy,
  wall,
  working,
  minutes,
  hours,
  type ClockBudget,
  type ClockKind,
  type Priority,
  type PriorityClocks,
  type SlaPolicy,
} from './sla-policy.js';
export {
  clockState,
  deadlineFor,
  slaDeadlines,
  ticketDeadlines,
  type ClockInput,
  type ClockState,
  type ClockStateName,
  type SlaDeadlines,
  type SlaOptions,
  type TicketMilestones,
  type TicketDeadlines,
} from './sla-clock.js';
export {
  lunarNewYear,
  hungKingsDay,
  lunarMonthsOfYear,
  lunarDateOf,
  solarDateOfLunar,
  type LunarDate,
  type LunarMonth,
  type LunarOptions,
} from './lunar.js';
export { proposeHolidays } from './holiday-proposal.js';
export { toLocalDate, vietnamTime, VIETNAM_OFFSET_MINUTES, type LocalDate, type Weekday } from './time.js';
