import { findCatalogueMeasure } from './measure-catalogue.js';
import type {
  CatalogueLookup,
  CatalogueMeasure,
  MeasureExecutor,
  MeasureStatus,
  PlanMeasure,
} from './measure-types.js';

export type PostalAddress = { street: string; houseNumber: string; postcode: string; city: string };

/** What the platform knows about an officeholder; most of it must never reach an executor. */
export type OfficeholderRecord = {
  id: string;
  displayName: string;
  role?: string;
  homeAddress: PostalAddress | null;
  phone?: string | null;
  naasten?: readonly { name: string; relation: string }[];
  incidents?: readonly unknown[];
};

/** Contact at the municipality the executor talks to instead of the officeholder. */
export type WorkOrderContact = { name: string; phone: string };

export type WorkOrderStage = 'voorbereiding' | 'uitvoering' | 'instandhouding' | 'afgesloten';

/** A work order with only what the executing organisation needs for this measure. */
export type WorkOrder = {
  measureId: string;
  measureCode: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  executor: MeasureExecutor;
  stage: WorkOrderStage;
  recipientName: string;
  /** Present only while the executor has work to do at the address. */
  address: PostalAddress | null;
  contact: WorkOrderContact | null;
  dueAt: string | null;
};

const stageByStatus: Record<MeasureStatus, WorkOrderStage> = {
  voorgesteld: 'voorbereiding',
  besloten: 'uitvoering',
  in_uitvoering: 'uitvoering',
  actief: 'instandhouding',
  afgewezen: 'afgesloten',
  beeindigd: 'afgesloten',
};

// The address is shared during execution, and while active only for services that respond at
// the residence (alarm follow-up, guarding); before a decision and after the end it is withheld.
function needsAddress(stage: WorkOrderStage, measure: CatalogueMeasure): boolean {
  return stage === 'uitvoering' || (stage === 'instandhouding' && measure.needsAddressWhileActive);
}

export type WorkOrderOptions = {
  contact?: WorkOrderContact | null;
  dueAt?: string | null;
  catalogue?: CatalogueLookup;
};

/** Builds a masked work order: no family, no incidents, the address only while the task is active. */
export function toWorkOrder(
  measure: Pick<PlanMeasure, 'id' | 'code' | 'status'>,
  officeholder: Pick<OfficeholderRecord, 'displayName' | 'homeAddress'>,
  options: WorkOrderOptions = {},
): WorkOrder | null {
  const entry = (options.catalogue ?? findCatalogueMeasure)(measure.code);
  if (!entry) return null;
  const stage = stageByStatus[measure.status];
  const home = officeholder.homeAddress;
  // Fields are copied one by one (an allow-list) so new officeholder fields can never leak.
  return {
    measureId: measure.id,
    measureCode: entry.code,
    name_nl: entry.name_nl,
    name_en: entry.name_en,
    description_nl: entry.description_nl,
    description_en: entry.description_en,
    executor: entry.executor,
    stage,
    recipientName: officeholder.displayName,
    address:
      home && needsAddress(stage, entry)
        ? { street: home.street, houseNumber: home.houseNumber, postcode: home.postcode, city: home.city }
        : null,
    contact: options.contact ? { name: options.contact.name, phone: options.contact.phone } : null,
    dueAt: options.dueAt ?? null,
  };
}

/** Executors that are a separate organisation and so receive work orders (not the officeholder). */
export function receivesWorkOrders(executor: MeasureExecutor): boolean {
  return executor !== 'ambtshouder';
}
