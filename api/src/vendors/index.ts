export { registerVendorRoutes, type VendorRouteDeps } from './routes.js';
export { vendorTicketStats, vendorSpells } from './ticket-metrics.js';
export { reportTimeliness } from './report-timeliness.js';
