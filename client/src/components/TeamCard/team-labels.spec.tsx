import { act } from '@testing-library/react';
import { setLang } from '../../i18n';
import { ALICE, CAROL_ID, groupDeal, team } from '../../test/fixtures';
import { dealPriceText, joinCheck, orderTeamLabel, seatsText, teamCountdown, teamStatusLabel } from './labels';

afterEach(() => act(() => setLang('zh')));

describe('拼团 labels', () => {
  it('names each team state', () => {
    expect(['forming', 'open', 'formed', 'failed', 'cancelled'].map((s) => teamStatusLabel(s as never))).toEqual([
      '待开团',
      '拼团中',
      '已成团',
      '拼团失败',
      '已取消',
    ]);
  });

  it('says how many more must pay and how many seats are free; a held seat is not free', () => {
    // 1 paid, 1 held by an unpaid join, 1 free: two more must pay, one seat is left.
    expect(seatsText(team())).toBe('还差 2 人成团 · 剩 1 个名额');
    expect(seatsText(team({ paidCount: 2, seatsLeft: 0 }))).toBe('名额已满 · 等待 1 人支付');
    expect(seatsText(team({ groupSize: 5, paidCount: 1, seatsLeft: 4 }))).toBe('还差 4 人成团 · 剩 4 个名额');
    act(() => setLang('en'));
    expect(seatsText(team())).toBe('2 more to form · 1 seat left');
    expect(seatsText(team({ groupSize: 5, seatsLeft: 3 }))).toBe('4 more to form · 3 seats left');
  });

  it('says how a closed team ended', () => {
    expect(seatsText(team({ status: 'formed', paidCount: 3, seatsLeft: 0 }))).toBe('3 人已成团，商家即将发货');
    expect(seatsText(team({ status: 'failed' }))).toBe('未在时限内成团，已全额退款');
    expect(seatsText(team({ status: 'cancelled' }))).toBe('团长未支付，拼团已取消');
    expect(seatsText(team({ status: 'forming', expiresAt: null }))).toBe('等待团长支付开团');
  });

  it('counts down to an open team’s deadline in h:mm:ss, then says it has closed', () => {
    const deadline = Date.parse('2026-01-02T10:00:00.000Z');
    expect(teamCountdown(team(), deadline - (23 * 3600 + 59 * 60 + 58) * 1000)).toBe('还剩 23:59:58');
    expect(teamCountdown(team(), deadline - 65_000)).toBe('还剩 0:01:05');
    // A 48-hour window shows its hours whole, not wrapped at a day.
    expect(teamCountdown(team(), deadline - 47 * 3600_000)).toBe('还剩 47:00:00');
    expect(teamCountdown(team(), deadline)).toBe('已截止');
    expect(teamCountdown(team({ status: 'formed' }), deadline - 1000)).toBeNull();
    expect(teamCountdown(team({ status: 'forming', expiresAt: null }), 0)).toBeNull();
  });

  it('labels a buyer’s order by its team: 拼团中, 已成团, 拼团失败·已退款', () => {
    expect(orderTeamLabel({ teamId: 't1', status: 'open', leader: true })).toBe('拼团中');
    expect(orderTeamLabel({ teamId: 't1', status: 'formed', leader: false })).toBe('已成团');
    expect(orderTeamLabel({ teamId: 't1', status: 'failed', leader: false })).toBe('拼团失败·已退款');
  });

  it('shows the lowest group price and the team size on the product', () => {
    const deal = groupDeal({
      groupSize: 5,
      skus: [
        { skuId: 's1', groupPriceFen: 12800 },
        { skuId: 's2', groupPriceFen: 3900 },
      ],
    });
    expect(dealPriceText(deal)).toBe('¥39.00 起 · 5人团');
  });

  it('lets a newcomer join an open team with a free seat, by the shared rule', () => {
    const before = new Date('2026-01-02T09:00:00.000Z');
    expect(joinCheck(team(), CAROL_ID, before)).toEqual({ ok: true });
    expect(joinCheck(team(), ALICE.id, before)).toMatchObject({ ok: false, code: 'ALREADY_IN_TEAM' });
    // The free seat taken by another unpaid join: none left although only one has paid.
    expect(joinCheck(team({ seatsLeft: 0, members: [] }), CAROL_ID, before)).toMatchObject({
      ok: false,
      code: 'TEAM_FULL',
    });
    expect(joinCheck(team(), CAROL_ID, new Date('2026-01-02T10:00:00.000Z'))).toMatchObject({
      ok: false,
      code: 'TEAM_CLOSED',
    });
    expect(joinCheck(team({ status: 'forming' }), CAROL_ID, before)).toMatchObject({
      ok: false,
      code: 'TEAM_NOT_OPEN',
    });
  });
});
