import type { DifficultyClass, LeadRef, TaskPhase, TaskStatus } from './model.js';
import type { AssignmentProgress } from './progress.js';

/** One unit's assignment as the API answers it: what was reported, and what the wall derives. */
export interface AssignmentView extends AssignmentProgress {
  unit_name: string;
  /** "Chậm tiến độ" when the deadline passed and it is not completed, whatever was reported. */
  effective_status: TaskStatus;
  overdue: boolean;
  /** No update since the previous report deadline (daily / Thursday 16:00). */
  cadence_missed: boolean;
}

export interface TaskView {
  number: number;
  phase: TaskPhase;
  group: number;
  group_title: string;
  lead_text: string;
  leads: LeadRef[];
  content: string;
  deadline: string | null;
  deadline_text: string | null;
  critical: boolean;
  /** false for a task the Command Center added (Plan update, provincial plan). */
  from_catalogue: boolean;
  assignments: AssignmentView[];
}

/** Completion figures of a set of assignments (a phase, a group of solutions, a unit). */
export interface ProgressFigures {
  assignments: number;
  done: number;
  overdue: number;
  /** Reports received since the previous due time, out of open assignments. */
  punctual: number;
  open: number;
  /** done / assignments, 0–1 (null when there is nothing assigned). */
  completion: number | null;
  /** Mean reported %, 0–100. */
  mean_percent: number | null;
  unverified: number;
  needs_direction: number;
}

export interface UnitProgress extends ProgressFigures {
  unit_code: string;
  unit_name: string;
}

export interface ProgressSummary {
  generated_at: string;
  total: ProgressFigures;
  by_phase: Record<'1' | '2', ProgressFigures>;
  by_group: { phase: TaskPhase; group: number; title: string; figures: ProgressFigures }[];
  /** Units ordered by completion rate (best first), then fewest overdue. */
  ranking: UnitProgress[];
  difficulties: { task: number; unit_code: string; unit_name: string; class: DifficultyClass; text: string }[];
}
