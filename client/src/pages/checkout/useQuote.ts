import { useEffect, useState } from 'react';
import type { OrderQuote } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { couponChoice } from './money';

export interface QuoteState {
  data: OrderQuote | null;
  error: Error | null;
  /** The coupon asked for: the first quote's best until the shopper picks. */
  userCouponId: string | null;
  pick: (userCouponId: string | null) => void;
  /** The quote on screen is the one for the coupon and cards asked for (not one still on its way). */
  settled: boolean;
}

/**
 * POST /api/orders/quote for the basket, again on every change of coupon or cards: what submitting
 * would charge, known before submitting. The first quote (no coupon) names the best coupon; the
 * checkout then asks again with it, unless there is none.
 */
export function useQuote(skuId: string | undefined, quantity: number, giftCardIds: string[]): QuoteState {
  const [data, setData] = useState<OrderQuote | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // undefined: not decided yet (the default applies); null: 不使用优惠券.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const asked = picked ?? null;
  const cards = giftCardIds.join(',');

  useEffect(() => {
    if (!skuId) return;
    let live = true;
    setError(null);
    const body = {
      items: [{ skuId, quantity }],
      ...(asked ? { userCouponId: asked } : {}),
      ...(cards ? { giftCardIds: cards.split(',') } : {}),
    };
    apiPost('/orders/quote', { body })
      .then((quote) => {
        if (!live) return;
        setData(quote);
        // The default: the best usable coupon, asked for once; a pick is the shopper's to change.
        setPicked((current) => (current === undefined ? couponChoice(current, quote) : current));
      })
      .catch((err: Error) => live && setError(err));
    return () => {
      live = false;
    };
  }, [skuId, quantity, asked, cards]);

  const settled =
    data !== null &&
    picked !== undefined &&
    data.userCouponId === asked &&
    data.giftCards.map((card) => card.id).join(',') === cards;
  return { data, error, userCouponId: asked, pick: setPicked, settled };
}
