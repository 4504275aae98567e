import type {
  GiftCardDesignFiguresView,
  GiftCardDesignView,
  GiftCardPurchaseView,
  GiftCardTheme,
  GiftCardView,
  WalletCardView,
} from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import { apiUrl } from '../../api/routes';
import { useApi, useReloadAfterWrite, useUserApi, type ApiState } from '../../hooks/useApi';

/** One card as the caller may see it (giver, recipient); reloads after a claim. */
export function useGiftCard(id: string | undefined): ApiState<GiftCardView> {
  const card = useUserApi(id ? apiUrl('/gift-cards/{id}', { path: { id } }) : null);
  useReloadAfterWrite(id ? `/gift-cards/${id}/` : null, card.reload);
  return card;
}

/** The designs a shopper can buy at a shop. */
export function useGiftCardDesigns(shopId: string | undefined): ApiState<GiftCardDesignView[]> {
  return useApi(shopId ? apiUrl('/shops/{shopId}/gift-card-designs', { path: { shopId } }) : null);
}

/** Every design of the shop with its figures (owner only). */
export function useGiftCardDesignFigures(shopId: string | undefined): ApiState<GiftCardDesignFiguresView[]> {
  // The document types the route by its public answer (GiftCardDesignView); scope=all adds the figures.
  return useUserApi(
    shopId ? apiUrl('/shops/{shopId}/gift-card-designs', { path: { shopId }, query: { scope: 'all' } }) : null,
  ) as ApiState<GiftCardDesignFiguresView[]>;
}

export function buyGiftCard(
  body: { designId: string; chatId: string; wishMessage?: string },
  idempotencyKey: string,
): Promise<GiftCardPurchaseView> {
  return apiPost('/gift-cards', { body, idempotencyKey });
}

export function claimGiftCard(id: string): Promise<WalletCardView> {
  return apiPost('/gift-cards/{id}/claim', { path: { id } });
}

export interface DesignBody {
  title: string;
  theme: GiftCardTheme;
  faceValueFen: number;
  validDays: number;
}

export function createDesign(shopId: string, body: DesignBody): Promise<GiftCardDesignView> {
  return apiPost('/shops/{shopId}/gift-card-designs', { path: { shopId }, body });
}

export async function endDesign(id: string): Promise<void> {
  await apiPatch('/gift-card-designs/{id}', { path: { id }, body: { status: 'ended' } });
}
