import { describe, expect, it } from 'vitest';
import { findCatalogueMeasure, measureCatalogue } from './measure-catalogue.js';
import { areaCodePrefix, ccvScanAreas, measureKinds } from './measure-types.js';

describe('measure catalogue', () => {
  it('holds at least 30 measures with unique codes', () => {
    expect(measureCatalogue.length).toBeGreaterThanOrEqual(30);
    expect(new Set(measureCatalogue.map((m) => m.code)).size).toBe(measureCatalogue.length);
  });

  it('covers every CCV scan area and every kind of measure', () => {
    expect(new Set(measureCatalogue.map((m) => m.area))).toEqual(new Set(ccvScanAreas));
    expect(new Set(measureCatalogue.map((m) => m.kind))).toEqual(new Set(measureKinds));
  });

  it('codes carry the prefix of their scan area', () => {
    for (const m of measureCatalogue) expect(m.code.startsWith(areaCodePrefix[m.area])).toBe(true);
  });

  it('contains the staples of Dutch practice', () => {
    const staples = [
      'W-HANG-SLUITWERK',
      'W-BUITENVERLICHTING',
      'W-ROOKMELDER-BLUSSER',
      'W-ALARM-DOORMELDING',
      'W-CAMERA',
      'W-VIDEO-INTERCOM',
      'W-BRIEVENBUS-BRANDWEREND',
      'W-PANIEKKNOP',
      'W-AFSCHERMING-BRP',
      'W-AFSCHERMING-KVK',
      'W-AFSCHERMING-KADASTER',
      'D-SOCIAL-MEDIA-HYGIENE',
      'D-DOXING-MONITORING',
      'D-TWEESTAPSVERIFICATIE',
      'D-APARTE-TELEFOON',
      'R-ROUTE-VARIEREN',
      'WP-BEGELEIDING-VERGADERING',
      'R-PERSOONSBEVEILIGING',
      'W-OBJECTBEWAKING',
      'WP-AGRESSIETRAINING',
      'W-WEERBAARHEID-GEZIN',
    ];
    for (const code of staples) expect(findCatalogueMeasure(code), code).toBeDefined();
  });

  it('describes alarm forwarding to a private alarm centre and the police', () => {
    const alarm = findCatalogueMeasure('W-ALARM-DOORMELDING');
    expect(alarm).toMatchObject({
      kind: 'elektronisch',
      executor: 'beveiligingsbedrijf',
      preventiveSchemeEligible: true,
    });
    expect(alarm?.description_nl).toMatch(/alarmcentrale.*politie/);
  });

  it('only lets one-off residential costs count towards the preventive scheme', () => {
    for (const m of measureCatalogue.filter((x) => x.preventiveSchemeEligible)) {
      expect(m.area, m.code).toBe('woning');
      expect(m.cost.unit, m.code).toBe('eenmalig');
    }
  });
});
