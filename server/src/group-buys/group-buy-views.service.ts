import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type GroupDealSummaryView,
  type GroupDealView,
  seatsLeft,
  TEAM_TRANSITIONS,
  type TeamStatus,
  type TeamView,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { NotFoundError } from '../common/domain-errors';
import { isoOrNull } from '../common/time';
import { GroupDeal, GroupDealSku, GroupTeam } from './group-buy.entity';

const TEAM_STATUSES = [...new Set(Object.values(TEAM_TRANSITIONS).flatMap((t) => [...t.from, t.to]))] as TeamStatus[];

/** Reading deals and teams: a team is seen by anyone with its link (never an address). */
@Injectable()
export class GroupBuyViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shops: ShopsService,
  ) {}

  async deal(manager: EntityManager, deal: GroupDeal): Promise<GroupDealView> {
    const skus = await manager.find(GroupDealSku, { where: { dealId: deal.id }, order: { skuId: 'ASC' } });
    return toDealView(deal, skus);
  }

  /** The merchant's deals, newest first, each with its teams by status. */
  async dealsOf(userId: string, shopId: string): Promise<GroupDealSummaryView[]> {
    await this.shops.findOwned(shopId, userId);
    const deals = await this.db.manager.find(GroupDeal, { where: { shopId }, order: { createdAt: 'DESC', id: 'ASC' } });
    if (deals.length === 0) return [];
    const ids = deals.map((d) => d.id);
    const skus = await this.db.manager.query(
      `SELECT deal_id AS "dealId", sku_id AS "skuId", group_price_fen AS "groupPriceFen"
         FROM group_deal_skus WHERE deal_id = ANY($1::uuid[]) ORDER BY sku_id`,
      [ids],
    );
    const counts: { dealId: string; status: TeamStatus; n: number }[] = await this.db.manager.query(
      `SELECT deal_id AS "dealId", status, count(*)::int AS n FROM group_teams
        WHERE deal_id = ANY($1::uuid[]) GROUP BY deal_id, status`,
      [ids],
    );
    const titles: { id: string; title: string }[] = await this.db.manager.query(
      'SELECT id, title FROM products WHERE id = ANY($1::uuid[])',
      [deals.map((d) => d.productId)],
    );
    return deals.map((deal) => ({
      ...toDealView(
        deal,
        (skus as (GroupDealSku & { dealId: string })[]).filter((s) => s.dealId === deal.id),
      ),
      productTitle: titles.find((t) => t.id === deal.productId)?.title ?? '',
      teams: Object.fromEntries(
        TEAM_STATUSES.map((status) => [
          status,
          counts.find((c) => c.dealId === deal.id && c.status === status)?.n ?? 0,
        ]),
      ) as Record<TeamStatus, number>,
    }));
  }

  /** A deal's teams, for its merchant. */
  async teamsOf(userId: string, dealId: string): Promise<TeamView[]> {
    const deal = await this.db.manager.findOneBy(GroupDeal, { id: dealId });
    if (!deal) throw new NotFoundError('group deal', 'DEAL_NOT_FOUND');
    await this.shops.findOwned(deal.shopId, userId).catch((err: unknown) => {
      throw err instanceof NotFoundError ? new NotFoundError('group deal', 'DEAL_NOT_FOUND') : err;
    });
    const teams = await this.db.manager.find(GroupTeam, { where: { dealId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return this.teams(teams);
  }

  async team(teamId: string): Promise<TeamView> {
    const team = await this.db.manager.findOneBy(GroupTeam, { id: teamId });
    if (!team) throw new NotFoundError('team', 'TEAM_NOT_FOUND');
    const [view] = await this.teams([team]);
    return view;
  }

  /** The teams the caller has a seat in (or had: a released seat's team is still listed), newest first. */
  async mine(userId: string): Promise<TeamView[]> {
    const teams: GroupTeam[] = await this.db.manager
      .getRepository(GroupTeam)
      .createQueryBuilder('t')
      .where('t.id IN (SELECT s.team_id FROM group_seats s WHERE s.user_id = :userId)', { userId })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'ASC')
      .limit(100)
      .getMany();
    return this.teams(teams);
  }

  private async teams(teams: GroupTeam[]): Promise<TeamView[]> {
    if (teams.length === 0) return [];
    const ids = teams.map((t) => t.id);
    const m = this.db.manager;
    const members: (TeamView['members'][number] & { teamId: string; paidAt: Date | null })[] = await m.query(
      `SELECT s.team_id AS "teamId", s.user_id AS "userId", u.nickname, u.avatar_url AS "avatarUrl",
              s.paid_at AS "paidAt", s.leader
         FROM group_seats s JOIN users u ON u.id = s.user_id
        WHERE s.team_id = ANY($1::uuid[]) AND s.status <> 'released'
        ORDER BY s.leader DESC, s.created_at, s.id`,
      [ids],
    );
    const skus: (GroupDealSku & { dealId: string })[] = await m.query(
      `SELECT deal_id AS "dealId", sku_id AS "skuId", group_price_fen AS "groupPriceFen"
         FROM group_deal_skus WHERE deal_id = ANY($1::uuid[]) ORDER BY sku_id`,
      [[...new Set(teams.map((t) => t.dealId))]],
    );
    const products: { id: string; title: string; image: string | null }[] = await m.query(
      'SELECT id, title, image_urls->>0 AS image FROM products WHERE id = ANY($1::uuid[])',
      [[...new Set(teams.map((t) => t.productId))]],
    );
    return teams.map((t) => {
      const product = products.find((p) => p.id === t.productId);
      return {
        id: t.id,
        dealId: t.dealId,
        productId: t.productId,
        shopId: t.shopId,
        productTitle: product?.title ?? '',
        imageUrl: product?.image ?? null,
        skus: skus.filter((s) => s.dealId === t.dealId).map(({ skuId, groupPriceFen }) => ({ skuId, groupPriceFen })),
        status: t.status,
        groupSize: t.groupSize,
        paidCount: t.paid,
        seatsLeft: seatsLeft(t),
        expiresAt: isoOrNull(t.expiresAt),
        formedAt: isoOrNull(t.formedAt),
        createdAt: t.createdAt.toISOString(),
        members: members
          .filter((mm) => mm.teamId === t.id)
          .map(({ userId, nickname, avatarUrl, paidAt, leader }) => ({
            userId,
            nickname,
            avatarUrl,
            paidAt: isoOrNull(paidAt),
            leader,
          })),
      };
    });
  }
}

export function toDealView(deal: GroupDeal, skus: Pick<GroupDealSku, 'skuId' | 'groupPriceFen'>[]): GroupDealView {
  return {
    id: deal.id,
    shopId: deal.shopId,
    productId: deal.productId,
    groupSize: deal.groupSize,
    windowHours: deal.windowHours,
    status: deal.status,
    skus: skus.map(({ skuId, groupPriceFen }) => ({ skuId, groupPriceFen })),
    createdAt: deal.createdAt.toISOString(),
    endedAt: isoOrNull(deal.endedAt),
  };
}
