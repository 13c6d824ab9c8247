import { describe, expect, it } from 'vitest';
import {
  blankRelease,
  draftOf,
  inputOf,
  keyFrom,
  movePhase,
  newPhase,
  templatePhases,
} from './release-draft.ts';
import { exampleInput } from './release-fixtures.ts';

const names = (phases: { name: string }[]) => phases.map((p) => p.name);

describe('release draft', () => {
  it('fills three phases from the template: pilot city, its region, everyone', () => {
    const phases = templatePhases(' Austin ', 'Dallas, Houston, Austin,');
    const [pilot, texas, everyone] = exampleInput.phases;
    expect(phases.map(({ id: _, ...p }) => p)).toEqual([pilot, { ...texas, name: 'Region' }, everyone]);
    expect(new Set(phases.map((p) => p.id)).size).toBe(3);
  });

  it('round-trips a release through the form to the API shape', () => {
    expect(inputOf(draftOf(exampleInput))).toEqual(exampleInput);
    const plain = { ...exampleInput, goal: null, guardrails: null, autoAdvance: null, holdoutPercent: 0 };
    expect(inputOf(draftOf(plain))).toEqual(plain);
  });

  it('leaves out optional limits left empty and keeps switched-off limits out', () => {
    const d = draftOf(exampleInput);
    d.guardrails = { ...d.guardrails, minAverageRating: undefined };
    d.autoAdvance = { ...d.autoAdvance, on: false };
    expect(inputOf(d).guardrails).toEqual({ minResponses: 20, maxDismissRate: 0.6 });
    expect(inputOf(d).autoAdvance).toBeNull();
  });

  it('sends an empty percent as null, so the server names the field', () => {
    const d = blankRelease();
    d.phases = [newPhase({ name: 'Pilot', percent: undefined })];
    expect(JSON.parse(JSON.stringify(inputOf(d))).phases[0].percent).toBeNull();
  });

  it('moves a phase up and down, and not past either end', () => {
    const phases = templatePhases('Austin');
    expect(names(movePhase(phases, 2, -1))).toEqual(['Pilot: Austin', 'Everyone', 'Region']);
    expect(names(movePhase(phases, 0, 1))).toEqual(['Region', 'Pilot: Austin', 'Everyone']);
    expect(movePhase(phases, 0, -1)).toBe(phases);
    expect(movePhase(phases, 2, 1)).toBe(phases);
  });

  it.each([
    ['Reserve ahead', 'reserve-ahead'],
    ['  Dark mode: v2!  ', 'dark-mode-v2'],
    ['Café crème', 'cafe-creme'],
  ])('makes the key %j → %j', (name, key) => {
    expect(keyFrom(name)).toBe(key);
  });
});
