import { QueueName } from '../../core/queue/queue.types.js';
import type { RegistryPlugin } from './registry-plugin.js';
import { BUILT_IN_REGISTRIES, registryList } from './registry-plugins.js';

const extra = (fields: Partial<RegistryPlugin>): RegistryPlugin => ({
  source: 'REAL_ESTATE_REGISTRATION',
  port: Object,
  queue: 'RealEstateRegistry',
  healthCheck: 'realEstateRegistry',
  adapter: () => ({}),
  check: () => {
    throw new Error('not consulted here');
  },
  ...fields,
});

describe('the registry list', () => {
  it('holds the three built-in registries, each on its own queue', () => {
    expect(BUILT_IN_REGISTRIES.map(({ source, queue, healthCheck }) => [source, queue, healthCheck])).toEqual([
      ['HOUSEHOLD_REGISTRATION', QueueName.HouseholdRegistry, 'householdRegistry'],
      ['VEHICLE_REGISTRATION', QueueName.VehicleRegistry, 'vehicleRegistry'],
      ['BUSINESS_REGISTRATION', QueueName.BusinessRegistry, 'businessRegistry'],
    ]);
    expect(registryList()).toEqual(BUILT_IN_REGISTRIES);
  });

  it('adds a registry after the built-in ones', () => {
    expect(registryList([extra({})]).map((registry) => registry.source)).toEqual([
      'HOUSEHOLD_REGISTRATION',
      'VEHICLE_REGISTRATION',
      'BUSINESS_REGISTRATION',
      'REAL_ESTATE_REGISTRATION',
    ]);
  });

  it('refuses a source, queue or readiness name that another registry has', () => {
    expect(() => registryList([extra({ source: 'VEHICLE_REGISTRATION' })])).toThrow('two registries have the source VEHICLE_REGISTRATION');
    expect(() => registryList([extra({ queue: QueueName.BusinessRegistry })])).toThrow('two registries have the queue BusinessRegistry');
    expect(() => registryList([extra({}), extra({ healthCheck: 'landRegistry' })])).toThrow(
      'two registries have the source REAL_ESTATE_REGISTRATION',
    );
  });
});
