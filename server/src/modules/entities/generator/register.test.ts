import { Model, defaultModel } from '@alephdata/followthemoney';
import { describe, expect, it } from 'vitest';
import { generateRegister } from './register.js';
import { randomSurname, surnameText } from './dutch-names.js';
import { mulberry32 } from './prng.js';
import type { FtmEntityData } from './ftm-entity.js';

const model = new Model(defaultModel);
const register = [...generateRegister({ persons: 3_000, seed: 11 })];
const byId = new Map(register.map((e) => [e.id, e]));
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function problemsOf(entity: FtmEntityData): string[] {
  const schema = model.schemata[entity.schema];
  if (!schema || schema.abstract) return [`${entity.id}: unknown schema ${entity.schema}`];
  const problems: string[] = [];
  for (const [name, values] of Object.entries(entity.properties)) {
    if (!schema.hasProperty(name)) {
      problems.push(`${entity.id}: ${entity.schema} has no property ${name}`);
      continue;
    }
    const property = schema.getProperty(name);
    for (const value of values) {
      const type = property.type.name;
      if (type === 'entity' && !byId.has(value)) problems.push(`${entity.id}.${name} -> missing ${value}`);
      if (type === 'date' && !DATE.test(value)) problems.push(`${entity.id}.${name} bad date ${value}`);
      if ((type === 'topic' || type === 'country') && !property.type.values.has(value))
        problems.push(`${entity.id}.${name} bad ${type} ${value}`);
    }
  }
  return problems;
}

describe('generateRegister', () => {
  it('produces valid FtM entities with intact references and unique ids', () => {
    expect(register.flatMap(problemsOf)).toEqual([]);
    expect(byId.size).toBe(register.length);
  });

  it('references entities of the schema the FtM range asks for', () => {
    const wrong = register.flatMap((entity) => {
      const schema = model.getSchema(entity.schema);
      return Object.entries(entity.properties).flatMap(([name, values]) => {
        const property = schema.getProperty(name);
        if (!property.hasRange) return [];
        return values
          .filter((v) => !model.getSchema(byId.get(v)?.schema).isA(property.getRange()))
          .map((v) => `${entity.id}.${name}=${v}`);
      });
    });
    expect(wrong).toEqual([]);
  });

  it('writes Dutch-looking addresses, KvK numbers and names', () => {
    const addresses = register.filter((e) => e.schema === 'Address');
    expect(addresses.every((a) => /^\d{4} [A-EG-HJ-NPR-TV-XZ]{2}$/.test(a.properties.postalCode?.[0] ?? ''))).toBe(
      true,
    );
    const companies = register.filter((e) => e.schema === 'Company');
    expect(companies.every((c) => /^\d{8}$/.test(c.properties.registrationNumber?.[0] ?? ''))).toBe(true);
    expect(new Set(companies.map((c) => c.properties.registrationNumber?.[0])).size).toBe(companies.length);
    const forms = companies.map((c) => c.properties.name?.[0] ?? '');
    for (const form of [/ B\.V\.$/, / Holding B\.V\.$/, / V\.O\.F\.$/, /^Stichting /])
      expect(forms.some((n) => form.test(n))).toBe(true);
    const lastNames = register.filter((e) => e.schema === 'Person').map((p) => p.properties.lastName?.[0] ?? '');
    expect(lastNames.some((n) => /^(van|de|van der|van den|ter) [A-Z]/.test(n))).toBe(true);
  });

  it('composes tens of thousands of distinct surnames', () => {
    const random = mulberry32(3);
    const names = new Set(Array.from({ length: 200_000 }, () => surnameText(randomSurname(random))));
    expect(names.size).toBeGreaterThan(20_000);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const again = [...generateRegister({ persons: 3_000, seed: 11 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(register));
    const other = [...generateRegister({ persons: 3_000, seed: 12 })];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(register));
  });
});
