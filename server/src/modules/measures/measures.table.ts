import type { MeasureStatus } from './engine/measure-types.js';

export type MeasurePlansTable = {
  id: string;
  organisation_id: string;
  officeholder_id: string;
  owner_user_id: string;
  /** Default executing organisation (e.g. the security company) for measures it carries out. */
  executing_organisation_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  /** JSON PostalAddress; sensitive, shared only through masked work orders. */
  home_address: string | null;
  /** JSON array of { name, relation }; never leaves the municipality. */
  household: string;
  current_level: string | null;
  review_due_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
};

export type PlanMeasuresTable = {
  id: string;
  plan_id: string;
  organisation_id: string;
  code: string;
  status: MeasureStatus;
  status_reason: string | null;
  deciding_authority: string | null;
  executing_organisation_id: string | null;
  cost_euro: number | null;
  residence_id: string | null;
  start_date: string | null;
  end_date: string | null;
  proposal_reason: string | null;
  created_at: string;
  updated_at: string;
};

export const workOrderProgress = ['ontvangen', 'ingepland', 'uitgevoerd', 'probleem'] as const;
export type WorkOrderProgress = (typeof workOrderProgress)[number];

export type WorkOrdersTable = {
  id: string;
  /** The municipality that issued the order. */
  organisation_id: string;
  executor_organisation_id: string;
  plan_measure_id: string;
  /** JSON of the engine's masked WorkOrder: the only officeholder data the executor ever gets. */
  order_payload: string;
  progress: WorkOrderProgress;
  progress_note: string | null;
  created_at: string;
  updated_at: string;
};
