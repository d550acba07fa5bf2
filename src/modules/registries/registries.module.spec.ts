import { Test } from '@nestjs/testing';
import { loadConfig } from '../../core/config/app.config.js';
import { ConfigModule } from '../../core/config/config.module.js';
import { BusinessRegistry } from './business/business-registry.port.js';
import { BusinessRegistrySandboxAdapter } from './business/business-registry.sandbox-adapter.js';
import { HouseholdRegistryHttpAdapter } from './household/household-registry.http-adapter.js';
import { HouseholdRegistry } from './household/household-registry.port.js';
import { HouseholdRegistrySandboxAdapter } from './household/household-registry.sandbox-adapter.js';
import { RegistriesModule } from './registries.module.js';
import { RegistryHealth } from './registry-health.js';
import { VehicleRegistryHttpAdapter } from './vehicle/vehicle-registry.http-adapter.js';
import { VehicleRegistry } from './vehicle/vehicle-registry.port.js';
import { VehicleRegistrySandboxAdapter } from './vehicle/vehicle-registry.sandbox-adapter.js';

async function registriesWith(env: Record<string, string>) {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', ...env })), RegistriesModule],
  }).compile();
  return {
    household: moduleRef.get(HouseholdRegistry),
    vehicle: moduleRef.get(VehicleRegistry),
    business: moduleRef.get(BusinessRegistry),
    health: moduleRef.get(RegistryHealth),
  };
}

describe('RegistriesModule', () => {
  it('answers every registry from the sandbox when no URL is configured', async () => {
    const { household, vehicle, business } = await registriesWith({});
    expect(household).toBeInstanceOf(HouseholdRegistrySandboxAdapter);
    expect(vehicle).toBeInstanceOf(VehicleRegistrySandboxAdapter);
    expect(business).toBeInstanceOf(BusinessRegistrySandboxAdapter);
    const lookup = await household.searchPersons(['542523197804129012']);
    expect(lookup).toMatchObject({ attempts: 1, answer: { persons: [{ idNumber: '542523197804129012' }], notFound: [] } });
    expect(lookup.requestIds).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it('chooses HTTP per registry, for the registries whose URL is configured', async () => {
    const { household, vehicle, business } = await registriesWith({
      HOUSEHOLD_REGISTRY_URL: 'http://127.0.0.1:8701',
      VEHICLE_REGISTRY_URL: 'https://vehicles.example.gov.cn/api',
    });
    expect(household).toBeInstanceOf(HouseholdRegistryHttpAdapter);
    expect(vehicle).toBeInstanceOf(VehicleRegistryHttpAdapter);
    expect(business).toBeInstanceOf(BusinessRegistrySandboxAdapter);
  });

  it('reports the circuit of each registry called over HTTP, and none for the sandbox', async () => {
    const { health } = await registriesWith({ VEHICLE_REGISTRY_URL: 'http://127.0.0.1:8701' });
    expect(health.condition('VEHICLE_REGISTRATION')).toBe('closed');
    expect(health.condition('HOUSEHOLD_REGISTRATION')).toBe('sandbox');
    expect(health.client('BUSINESS_REGISTRATION')).toBeUndefined();
  });
});
