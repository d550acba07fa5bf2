import { maskApplicationView, maskIdNumber } from './id-number-masking.js';

describe('maskIdNumber', () => {
  it.each([
    ['542523198312019591', '**************9591'],
    ['11010519491231002X', '**************002X'],
    ['1234', '****'],
    ['', ''],
  ])('%s → %s', (idNumber, masked) => {
    expect(maskIdNumber(idNumber)).toBe(masked);
  });
});

describe('maskApplicationView', () => {
  const view = {
    id: 'a',
    members: [{ name: '测试', idNumber: '542523198312019591' }],
    determination: {
      findings: [
        {
          code: 'HOUSEHOLD_SPLIT',
          memberIdNumber: '542523198312019591',
          evidence: [
            { source: 'HOUSEHOLD_REGISTRATION', recordKey: '542523198312019591' },
            { source: 'VEHICLE_REGISTRATION', recordKey: '藏F90004' },
          ],
        },
        { code: 'SOURCE_UNAVAILABLE', memberIdNumber: null, evidence: [] },
      ],
    },
  } as unknown as Parameters<typeof maskApplicationView>[0];

  it('masks members, findings and evidence keyed by an identity number, and nothing else', () => {
    const masked = maskApplicationView(view);
    expect(masked.members).toEqual([{ name: '测试', idNumber: '**************9591' }]);
    expect(masked.determination!.findings).toEqual([
      {
        code: 'HOUSEHOLD_SPLIT',
        memberIdNumber: '**************9591',
        evidence: [
          { source: 'HOUSEHOLD_REGISTRATION', recordKey: '**************9591' },
          { source: 'VEHICLE_REGISTRATION', recordKey: '藏F90004' },
        ],
      },
      { code: 'SOURCE_UNAVAILABLE', memberIdNumber: null, evidence: [] },
    ]);
    // The view it was given is left as it was.
    expect(view.members[0].idNumber).toBe('542523198312019591');
  });

  it('leaves an application without a determination so', () => {
    expect(maskApplicationView({ ...view, determination: null }).determination).toBeNull();
  });
});
