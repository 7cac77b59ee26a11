import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import { offices } from '../officeholders/officeholders.table.js';
import { organisationTypes } from '../organisations/organisations.table.js';
import { roles } from '../../platform/access/roles.js';
import * as t from './incident-taxonomy.js';
import { incidentParts } from './incident-parts.js';
import { sharingPurposes, tlpLevels } from '../sharing/sharing.table.js';

const taxonomy = {
  forms: t.incidentForms,
  channels: t.incidentChannels,
  targets: t.incidentTargets,
  perpetratorTypes: t.perpetratorTypes,
  motives: t.motives,
  municipalProcesses: t.municipalProcesses,
  impacts: t.impacts,
  domicilie: t.domicilieOptions,
  statuses: t.incidentStatuses,
  closeReasons: t.closeReasons,
  statusTransitions: t.statusTransitions,
  offices,
  organisationTypes,
  roles,
  tlpLevels,
  sharingPurposes,
  incidentParts,
};

/** The code lists behind forms and filters, so clients never hard-code them. */
export function registerTaxonomyRoutes(app: App): void {
  app.get(
    '/taxonomy',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['incidents'],
        summary: 'Code lists: incident forms, channels, targets, motives, processes, statuses, offices, roles',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => taxonomy,
  );
}
