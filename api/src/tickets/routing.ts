import type { IssueType, Party, Topic, WorkingGroup } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';

/** The central working group for a topic (seed §1.4). */
export const TOPIC_GROUP: Record<Topic, WorkingGroup> = {
  general: 'WG1',
  infrastructure: 'WG2',
  online_services: 'WG3',
  security: 'WG4',
  party_dx: 'WG5',
  communications: 'WG6',
};

/**
 * Default routing by issue type (seed 000 L597-617): type 1 → the IT
 * enterprise's focal point; types 2 and 4 → the province/ministry focal point
 * with the relevant central working group; type 3 → the specialised working
 * group leads. The Command Center confirms or changes it when assigning.
 */
export function defaultRouting(
  registry: Registry,
  ticket: { issue_type: IssueType; unit_code: string; system_id: string | null; topic: Topic },
): { assignee: Party | null; collaborators: Party[] } {
  const group: Party = { kind: 'working_group', code: TOPIC_GROUP[ticket.topic] };
  const unit =
    registry.kindOf(ticket.unit_code) === 'commune' ? registry.provinceOf(ticket.unit_code) : ticket.unit_code;
  const focal: Party | null = unit ? { kind: 'unit', code: unit } : null;
  switch (ticket.issue_type) {
    case 1: {
      const vendor = ticket.system_id ? registry.system(ticket.system_id)?.vendorCode : undefined;
      if (vendor) return { assignee: { kind: 'vendor', code: vendor }, collaborators: focal ? [focal] : [] };
      // No system named: the unit's focal point finds the vendor.
      return { assignee: focal, collaborators: [] };
    }
    case 2:
    case 4:
      return { assignee: focal, collaborators: [group] };
    case 3:
      return { assignee: group, collaborators: focal ? [focal] : [] };
  }
}

export function sameParty(a: Party | null | undefined, b: Party | null | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.code === b.code;
}
