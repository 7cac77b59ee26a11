import type { Config } from '../../../config.js';
import { flaggedTopicsOf } from '../../entities/entities.policy.js';
import type { StoredEntity } from '../../entities/entity-read.service.js';
import type { FeatureName, ScoreItem } from '../engine/types.js';
import type { EntityResponse, ScoredEntity } from './yente.schema.js';

/** yente's entity shape; `target` is whether the entity is flagged by a configured topic. */
export function toEntityResponse(
  entity: StoredEntity,
  datasetName: string,
  referents: readonly string[],
  config: Config,
): EntityResponse {
  return {
    id: entity.id,
    caption: entity.caption,
    schema: entity.schema,
    properties: entity.properties,
    datasets: [datasetName],
    referents: [...referents],
    target: flaggedTopicsOf(entity.topics, config.flaggedTopics).length > 0,
    first_seen: entity.firstSeen,
    last_seen: entity.lastSeen,
    last_change: entity.lastSeen,
  };
}

const featureName = (item: ScoreItem): string => (item.kind === 'penalty' ? `${item.feature}_mismatch` : item.feature);

/** An entity with its score and the score's features (value per feature) and their explanations. */
export function toScoredEntity(
  entity: EntityResponse,
  score: number,
  items: readonly ScoreItem[],
  threshold: number,
): ScoredEntity {
  const features: Record<string, number> = {};
  const explanations: ScoredEntity['explanations'] = {};
  for (const item of items) {
    const name = featureName(item);
    features[name] = Math.round(item.value * 1000) / 1000;
    explanations[name] = { explanation: item.explanation, label: item.label };
  }
  const rounded = Math.round(score * 1000) / 1000;
  return { ...entity, score: rounded, features, match: rounded >= threshold, explanations };
}

const FEATURE_TEXT: Record<FeatureName, string> = {
  name: 'Name similarity, Dutch-aware (tussenvoegsels, initials, spelling variants, legal forms)',
  birthDate: 'Birth or incorporation date agreement (day/month swaps, typos, year only)',
  address: 'Address agreement (postcode and house number, street, city)',
  identifier: 'Identifier agreement (KvK, RSIN, VAT, passport, LEI)',
  country: 'Country or nationality agreement',
  schema: 'Entity type agreement',
};

/** yente's matcher description, for the `matcher` key of a match response and /algorithms. */
export function featureDocs(): Record<string, { description: string; coefficient: number; url: string }> {
  return Object.fromEntries(
    Object.entries(FEATURE_TEXT).map(([name, description]) => [name, { description, coefficient: 1, url: '' }]),
  );
}
