import type {
  GiftCardDesignFiguresView,
  GiftCardDesignView,
  GiftCardPurchaseView,
  GiftCardTheme,
  GiftCardView,
  WalletCardView,
} from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import { fillRoute, type ApiUrl } from '../../api/routes';
import { useApi, useReloadAfterWrite, useUserApi, type ApiState } from '../../hooks/useApi';

/*
 * The 节日礼券 routes of API.md, typed by the shared views. They are not in the generated document
 * (shared/src/openapi.ts) yet, so this one file names them by hand; once they are, these become
 * `apiUrl` / `apiPost` calls like every other hook's and nothing else changes.
 */
const url = <T>(route: string, params?: Parameters<typeof fillRoute>[1]) => fillRoute(route, params) as ApiUrl<T>;
type Write = (route: string, options: object) => Promise<unknown>;
const post = <T>(route: string, options: object) => (apiPost as unknown as Write)(route, options) as Promise<T>;
const patch = (route: string, options: object) => (apiPatch as unknown as Write)(route, options);

/** One card as the caller may see it (giver, recipient); reloads after a claim. */
export function useGiftCard(id: string | undefined): ApiState<GiftCardView> {
  const card = useUserApi(id ? url<GiftCardView>('/gift-cards/{id}', { path: { id } }) : null);
  useReloadAfterWrite(id ? `/gift-cards/${id}/` : null, card.reload);
  return card;
}

/** The designs a shopper can buy at a shop. */
export function useGiftCardDesigns(shopId: string | undefined): ApiState<GiftCardDesignView[]> {
  return useApi(shopId ? url<GiftCardDesignView[]>('/shops/{shopId}/gift-card-designs', { path: { shopId } }) : null);
}

/** Every design of the shop with its figures (owner only). */
export function useGiftCardDesignFigures(shopId: string | undefined): ApiState<GiftCardDesignFiguresView[]> {
  return useUserApi(
    shopId
      ? url<GiftCardDesignFiguresView[]>('/shops/{shopId}/gift-card-designs', {
          path: { shopId },
          query: { scope: 'all' },
        })
      : null,
  );
}

export function buyGiftCard(
  body: { designId: string; chatId: string; wishMessage?: string },
  idempotencyKey: string,
): Promise<GiftCardPurchaseView> {
  return post('/gift-cards', { body, idempotencyKey });
}

export function claimGiftCard(id: string): Promise<WalletCardView> {
  return post('/gift-cards/{id}/claim', { path: { id } });
}

export interface DesignBody {
  title: string;
  theme: GiftCardTheme;
  faceValueFen: number;
  validDays: number;
}

export function createDesign(shopId: string, body: DesignBody): Promise<GiftCardDesignView> {
  return post('/shops/{shopId}/gift-card-designs', { path: { shopId }, body });
}

export async function endDesign(id: string): Promise<void> {
  await patch('/gift-card-designs/{id}', { path: { id }, body: { status: 'ended' } });
}
