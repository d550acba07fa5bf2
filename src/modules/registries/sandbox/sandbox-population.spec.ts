import { idNumberProblem } from '../../../core/identity/id-number.js';
import { isValidCreditCode } from '../../../core/identity/credit-code.js';
import { loadSandboxDataset } from './sandbox-registry.handler.js';
import { generatePopulation } from './sandbox-population.js';

describe('generatePopulation', () => {
  const population = generatePopulation({ households: 2000, seed: 42 });
  const { dataset, households } = population;

  it('gives each household one to five members, one of them its HEAD, all on the household registry', () => {
    expect(households).toHaveLength(2000);
    for (const household of households) {
      expect(household.members.length).toBeGreaterThanOrEqual(1);
      expect(household.members.length).toBeLessThanOrEqual(5);
      expect(household.members.filter((member) => member.relationship === 'HEAD')).toHaveLength(1);
    }
    expect(dataset.persons).toHaveLength(households.reduce((sum, household) => sum + household.members.length, 0));
    expect(dataset.households.map((household) => household.householdNumber)).toEqual(
      households.map((household) => household.householdNumber),
    );
  });

  it('gives everyone a valid identity number of their own, none of them the sandbox dataset’s', () => {
    const idNumbers = dataset.persons.map((person) => person.idNumber);
    for (const idNumber of idNumbers) expect(idNumberProblem(idNumber)).toBeNull();
    expect(new Set(idNumbers).size).toBe(idNumbers.length);
    const sandbox = new Set(loadSandboxDataset().persons.map((person) => person.idNumber));
    expect(idNumbers.filter((idNumber) => sandbox.has(idNumber))).toEqual([]);
  });

  it('has some households with a car and some with a business, with valid credit codes', () => {
    expect(dataset.vehicles.length).toBeGreaterThan(0);
    expect(dataset.entities.length).toBeGreaterThan(0);
    for (const entity of dataset.entities) expect(isValidCreditCode(entity.creditCode)).toBe(true);
    const people = new Set(dataset.persons.map((person) => person.idNumber));
    for (const vehicle of dataset.vehicles) expect(people.has(vehicle.ownerIdNumber)).toBe(true);
  });

  it('is the same population for the same seed, another for another', () => {
    expect(generatePopulation({ households: 50, seed: 42 })).toEqual(generatePopulation({ households: 50, seed: 42 }));
    expect(generatePopulation({ households: 50, seed: 43 }).households).not.toEqual(
      generatePopulation({ households: 50, seed: 42 }).households,
    );
  });
});
