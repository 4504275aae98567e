import { designBody, type DesignForm } from './rules';

const form = (overrides: Partial<DesignForm> = {}): DesignForm => ({
  title: '中秋礼券',
  theme: 'mid_autumn',
  faceValue: '200',
  validDays: '365',
  ...overrides,
});
const problem = (overrides: Partial<DesignForm>) => {
  const result = designBody(form(overrides));
  return result.ok ? null : result.problem;
};

describe('the gift-card design form', () => {
  it('sends the face value in fen with the theme', () => {
    expect(designBody(form())).toEqual({
      ok: true,
      body: { title: '中秋礼券', theme: 'mid_autumn', faceValueFen: 20000, validDays: 365 },
    });
  });

  it('takes a face value of ¥10 to ¥1,000', () => {
    expect(problem({ faceValue: '10' })).toBeNull();
    expect(problem({ faceValue: '1,000' })).toBeNull();
    for (const faceValue of ['9.99', '1000.01', '', 'abc']) {
      expect(problem({ faceValue })).toBe('面值为 ¥10 到 ¥1000');
    }
  });

  it('names the first thing wrong: title, theme, face value, days', () => {
    expect(problem({ title: ' ', faceValue: '5' })).toBe('名称为 1 到 30 个字');
    expect(problem({ title: '礼'.repeat(31) })).toBe('名称为 1 到 30 个字');
    expect(problem({ theme: 'halloween' as DesignForm['theme'] })).toBe('请选择节日主题');
    expect(problem({ validDays: '0' })).toBe('有效天数为 1 到 1095 天');
    expect(problem({ validDays: '1096' })).toBe('有效天数为 1 到 1095 天');
    expect(problem({ validDays: '1095' })).toBeNull();
  });
});
