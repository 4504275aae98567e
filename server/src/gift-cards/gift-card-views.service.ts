import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GIFT_CARD_RULES,
  GiftCardDesignFiguresView,
  GiftCardDesignStatus,
  GiftCardDesignView,
  GiftCardStatus,
  GiftCardTheme,
  GiftCardView,
  WalletCardView,
  walletCardStatus,
} from '@giftshop/shared';
import { DataSource, EntityManager } from 'typeorm';
import { ShopsService } from '../catalog/shops.service';
import { ClockService } from '../clock/clock.service';
import { NotFoundError } from '../common/domain-errors';
import { isoOrNull } from '../common/time';

export interface DesignRow {
  id: string;
  shop_id: string;
  title: string;
  theme: GiftCardTheme;
  face_value_fen: number;
  valid_days: number;
  status: GiftCardDesignStatus;
  created_at: Date;
}

export const DESIGN_COLUMNS =
  'd.id, d.shop_id, d.title, d.theme, d.face_value_fen, d.valid_days, d.status, d.created_at';

export interface CardRow {
  id: string;
  design_id: string;
  shop_id: string;
  order_id: string;
  giver_id: string;
  chat_id: string;
  recipient_id: string;
  title: string;
  theme: GiftCardTheme;
  face_value_fen: number;
  valid_days: number;
  wish_message: string;
  status: GiftCardStatus;
  balance_fen: number;
  sent_at: Date | null;
  claimed_at: Date | null;
  expires_at: Date | null;
  refunded_at: Date | null;
  cancelled_at: Date | null;
}

export const CARD_COLUMNS = `c.id, c.design_id, c.shop_id, c.order_id, c.giver_id, c.chat_id, c.recipient_id, c.title,
  c.theme, c.face_value_fen, c.valid_days, c.wish_message, c.status, c.balance_fen, c.sent_at, c.claimed_at,
  c.expires_at, c.refunded_at, c.cancelled_at`;

export function designView(r: DesignRow): GiftCardDesignView {
  return {
    id: r.id,
    shopId: r.shop_id,
    title: r.title,
    theme: r.theme,
    faceValueFen: r.face_value_fen,
    validDays: r.valid_days,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  };
}

/** Reading 节日礼券: designs and their figures, a card as the chat sees it, the wallet. */
@Injectable()
export class GiftCardViewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: ClockService,
    private readonly shops: ShopsService,
  ) {}

  /** For reading outside a transaction. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** The designs the shop sells now. */
  async designs(shopId: string): Promise<GiftCardDesignView[]> {
    const rows: DesignRow[] = await this.db.query(
      `SELECT ${DESIGN_COLUMNS} FROM gift_card_designs d WHERE d.shop_id = $1 AND d.status = 'active'
        ORDER BY d.created_at DESC, d.id`,
      [shopId],
    );
    return rows.map(designView);
  }

  /** Every design of the owner's shop with what became of its cards. */
  async figures(ownerId: string, shopId: string): Promise<GiftCardDesignFiguresView[]> {
    await this.shops.findOwned(shopId, ownerId);
    const rows: (DesignRow &
      Record<'sold' | 'claimed' | 'refunded' | 'waiting', number> &
      Record<'claimed_fen' | 'redeemed_fen' | 'outstanding_fen', string>)[] = await this.db.query(
      `SELECT ${DESIGN_COLUMNS},
                count(c.id) FILTER (WHERE c.sent_at IS NOT NULL)::int AS sold,
                count(c.id) FILTER (WHERE c.status = 'claimed')::int AS claimed,
                count(c.id) FILTER (WHERE c.status = 'refunded')::int AS refunded,
                count(c.id) FILTER (WHERE c.status = 'sent')::int AS waiting,
                COALESCE(SUM(c.face_value_fen) FILTER (WHERE c.status = 'claimed'), 0)::bigint AS claimed_fen,
                COALESCE(SUM(c.face_value_fen - c.balance_fen) FILTER (WHERE c.status = 'claimed'), 0)::bigint
                  AS redeemed_fen,
                COALESCE(SUM(c.balance_fen) FILTER (WHERE c.status = 'claimed' AND c.expires_at > $2), 0)::bigint
                  AS outstanding_fen
           FROM gift_card_designs d LEFT JOIN gift_cards c ON c.design_id = d.id
          WHERE d.shop_id = $1
          GROUP BY d.id ORDER BY d.created_at DESC, d.id`,
      [shopId, this.clock.now()],
    );
    return rows.map((r) => ({
      ...designView(r),
      sold: r.sold,
      claimed: r.claimed,
      refunded: r.refunded,
      waiting: r.waiting,
      claimedFen: Number(r.claimed_fen),
      redeemedFen: Number(r.redeemed_fen),
      outstandingFen: Number(r.outstanding_fen),
    }));
  }

  /** The card if the caller is in its chat (its giver, its friend); 404 for anyone else. */
  async visibleCard(manager: EntityManager, userId: string, cardId: string): Promise<CardRow> {
    const [card]: CardRow[] = await manager.query(
      `SELECT ${CARD_COLUMNS} FROM gift_cards c
        WHERE c.id = $1 AND EXISTS (SELECT 1 FROM chat_members m WHERE m.chat_id = c.chat_id AND m.user_id = $2)`,
      [cardId, userId],
    );
    if (!card) throw new NotFoundError('gift card', 'GIFT_CARD_NOT_FOUND');
    return card;
  }

  async view(userId: string, cardId: string): Promise<GiftCardView> {
    const card = await this.visibleCard(this.db.manager, userId, cardId);
    const [names]: { shop_name: string; giver_nickname: string }[] = await this.db.query(
      `SELECT s.name AS shop_name, u.nickname AS giver_nickname FROM shops s, users u WHERE s.id = $1 AND u.id = $2`,
      [card.shop_id, card.giver_id],
    );
    const now = this.clock.now();
    const claimableUntil = card.sent_at ? new Date(card.sent_at.getTime() + GIFT_CARD_RULES.claimWindowMs) : null;
    const holder = card.status === 'claimed' && card.recipient_id === userId;
    return {
      id: card.id,
      orderId: card.order_id,
      shopId: card.shop_id,
      shopName: names.shop_name,
      designId: card.design_id,
      title: card.title,
      theme: card.theme,
      faceValueFen: card.face_value_fen,
      wishMessage: card.wish_message,
      giverId: card.giver_id,
      giverNickname: names.giver_nickname,
      chatId: card.chat_id,
      recipientId: card.recipient_id,
      status: card.status,
      sentAt: isoOrNull(card.sent_at),
      claimableUntil: isoOrNull(claimableUntil),
      claimedAt: isoOrNull(card.claimed_at),
      expiresAt: isoOrNull(card.expires_at),
      balanceFen: holder ? card.balance_fen : null,
      canClaim:
        card.recipient_id === userId &&
        card.status === 'sent' &&
        claimableUntil !== null &&
        now.getTime() < claimableUntil.getTime(),
    };
  }

  /** The caller's claimed cards (or one of them): usable ones first, the soonest to expire first. */
  async walletCards(manager: EntityManager, userId: string, cardId?: string): Promise<WalletCardView[]> {
    const rows: (CardRow & { shop_name: string; giver_nickname: string })[] = await manager.query(
      `SELECT ${CARD_COLUMNS}, s.name AS shop_name, u.nickname AS giver_nickname
         FROM gift_cards c JOIN shops s ON s.id = c.shop_id JOIN users u ON u.id = c.giver_id
        WHERE c.recipient_id = $1 AND c.status = 'claimed' AND ($2::uuid IS NULL OR c.id = $2)
        ORDER BY c.expires_at, c.id LIMIT 200`,
      [userId, cardId ?? null],
    );
    const now = this.clock.now();
    const cards = rows.map((r) => {
      const expiresAt = r.expires_at as Date;
      return {
        id: r.id,
        shopId: r.shop_id,
        shopName: r.shop_name,
        title: r.title,
        theme: r.theme,
        faceValueFen: r.face_value_fen,
        balanceFen: r.balance_fen,
        claimedAt: (r.claimed_at as Date).toISOString(),
        expiresAt: expiresAt.toISOString(),
        status: walletCardStatus({ balanceFen: r.balance_fen, expiresAt }, now),
        giverNickname: r.giver_nickname,
      };
    });
    const rank = { active: 0, used_up: 1, expired: 2 } as const;
    return cards.sort((a, b) => rank[a.status] - rank[b.status]);
  }
}
