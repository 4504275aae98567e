import { cardComposeProblem } from './rules';

const design = { id: 'd1' };

describe('the card composer', () => {
  it('needs a design', () => {
    expect(cardComposeProblem({ wish: '' })).toBe('请选择一张礼券');
    expect(cardComposeProblem({ design, wish: '' })).toBeNull();
  });

  it('checks the wish as a gift’s: 50 characters at most, no banned word', () => {
    expect(cardComposeProblem({ design, wish: '中秋快乐'.repeat(12) + '月圆' })).toBeNull();
    expect(cardComposeProblem({ design, wish: '中秋快乐'.repeat(13) })).toBe('祝福语有 52 个字，最多 50 个字');
    expect(cardComposeProblem({ design, wish: '一起去赌 博吧' })).toBe('祝福语含有违禁词「赌博」');
  });
});
