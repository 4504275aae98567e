import { addressFieldProblem, addressProblems, isPhoneNumber } from './address';

const GOOD = { name: '爱丽丝', phone: '13800138000', region: '浙江省 杭州市 西湖区', detail: '龙井路 1 号' };

describe('isPhoneNumber: a mainland mobile or an E.164 number', () => {
  it.each(['13800138000', '19912345678', '+8613800138000', '+14155550123', '+49301234567', '+12345678'])(
    'takes %s',
    (phone) => expect(isPhoneNumber(phone)).toBe(true),
  );

  it.each([
    ['too short', '1380013800'],
    ['too long', '138001380000'],
    ['not a mobile prefix', '12800138000'],
    ['a landline', '02188888888'],
    ['dashes', '138-0013-8000'],
    ['spaces', '138 0013 8000'],
    ['+ and 7 digits', '+1234567'],
    ['+ and 16 digits', '+1234567890123456'],
    ['+0', '+0123456789'],
    ['letters', 'call me'],
    ['NUL', '1380013800\u0000'],
    ['full-width digits', '１３８００１３８０００'],
  ])('refuses %s', (_name, phone) => expect(isPhoneNumber(phone)).toBe(false));
});

describe('addressProblems', () => {
  it('is empty for a good address', () => expect(addressProblems(GOOD)).toEqual([]));

  it('counts name in code points: 30 emoji are fine, 31 are not', () => {
    expect(addressFieldProblem('name', '😀'.repeat(30))).toBeNull();
    expect(addressFieldProblem('name', '😀'.repeat(31))).toMatch(/^name must be 1-30/);
  });

  it('names each bad field', () => {
    expect(addressProblems({ name: ' ', phone: '110', region: '', detail: 7 }).map((p) => p.field)).toEqual([
      'name',
      'phone',
      'region',
      'detail',
    ]);
    expect(addressFieldProblem('phone', '110')).toMatch(/^phone must be/);
  });
});
