import { checkAnswer } from '../contract/registry-search.js';
import { HEAD as OWNER, SPOUSE as OTHER, wireVehicle } from '../contract/registry-wire.fixtures.js';
import { toVehicleAnswer, VEHICLE_OWNERS_SEARCH } from './vehicle-registry.mapper.js';

describe('vehicle registry mapper', () => {
  it('defaults disabilityAdapted to false and keeps the assessed value as exact decimal text', () => {
    const { vehicles } = toVehicleAnswer([
      {
        vehicles: [
          wireVehicle('藏F12345', { assessedValue: 35000.1 }),
          wireVehicle('藏FD12345', { disabilityAdapted: true, assessedValue: 0.1 + 0.2 }),
          wireVehicle('藏F00001'),
        ],
        notFound: [],
      },
    ]);
    expect(vehicles).toEqual([
      {
        plateNumber: '藏F00001',
        ownerIdNumber: OWNER,
        vehicleType: 'K33',
        usage: 'NON_COMMERCIAL',
        registeredOn: '2019-05-20',
        status: 'NORMAL',
        disabilityAdapted: false,
      },
      expect.objectContaining({ plateNumber: '藏F12345', disabilityAdapted: false, assessedValue: '35000.1' }),
      expect.objectContaining({ plateNumber: '藏FD12345', disabilityAdapted: true, assessedValue: '0.30000000000000004' }),
    ]);
    expect(vehicles[0]).not.toHaveProperty('assessedValue');
  });

  it('writes very large or small values without an exponent', () => {
    const { vehicles } = toVehicleAnswer([
      { vehicles: [wireVehicle('藏F1', { assessedValue: 1e21 }), wireVehicle('藏F2', { assessedValue: 1e-7 })], notFound: [] },
    ]);
    expect(vehicles.map((vehicle) => vehicle.assessedValue)).toEqual(['1000000000000000000000', '0.0000001']);
  });

  it('orders a reissued plate by owner and registration date', () => {
    const { vehicles } = toVehicleAnswer([
      {
        vehicles: [
          wireVehicle('藏F12345', { registeredOn: '2021-01-01' }),
          wireVehicle('藏F12345', { registeredOn: '2010-01-01', status: 'SCRAPPED' }),
        ],
        notFound: [],
      },
      { vehicles: [wireVehicle('藏F12345', { ownerIdNumber: OTHER })], notFound: [] },
    ]);
    expect(vehicles.map((vehicle) => [vehicle.ownerIdNumber, vehicle.registeredOn])).toEqual([
      [OWNER, '2010-01-01'],
      [OWNER, '2021-01-01'],
      [OTHER, '2019-05-20'],
    ]);
  });

  it('accounts for an owner by their vehicles, and refuses an owner both with vehicles and not found', () => {
    expect(() =>
      checkAnswer(VEHICLE_OWNERS_SEARCH, { vehicles: [wireVehicle('藏F1'), wireVehicle('藏F2')], notFound: [OTHER] }, [OWNER, OTHER]),
    ).not.toThrow();
    expect(() => checkAnswer(VEHICLE_OWNERS_SEARCH, { vehicles: [wireVehicle('藏F1')], notFound: [OWNER, OTHER] }, [OWNER, OTHER])).toThrow(
      'both as found and as not found',
    );
    expect(() =>
      checkAnswer(VEHICLE_OWNERS_SEARCH, { vehicles: [wireVehicle('藏F1', { ownerIdNumber: OTHER })], notFound: [OWNER] }, [OWNER]),
    ).toThrow('mentions identifiers that were not asked');
  });
});
