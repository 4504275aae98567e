import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, GROUP_BUY_RULES, type GroupDealSummaryView, type ProductView } from '@giftshop/shared';
import { apiPatch, apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { ShopName } from '../../components/ShopSwitcher';
import { skuLabel } from '../../components/SkuPicker';
import { AsyncView } from '../../components/StatusView';
import { YuanInput } from '../../components/YuanInput';
import { useAction } from '../../hooks/useApi';
import { useShopProducts } from '../../hooks/useCatalog';
import { useGroupDeals } from '../../hooks/useGroupBuys';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { DealTeams } from './DealTeams';
import { dealBody } from './rules';
import './index.scss';

/** 拼团活动: the shop's group deals with their teams by status; create one on a product, end one. */
export default function MerchantDealsPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantDeals');
  useRequireLogin();
  const shopId = useRouter().params.shopId ?? '';
  const deals = useGroupDeals(shopId);
  const products = useShopProducts(shopId);
  useReloadOnShow(deals.reload);
  const reload = () => deals.reload({ silent: true });

  return (
    <View className="page merchant-deals">
      <View className="section">
        <ShopName shopId={shopId} />
      </View>
      <AsyncView state={products}>{(list) => <NewDeal shopId={shopId} products={list} onCreated={reload} />}</AsyncView>
      <AsyncView state={deals} isEmpty={(list) => list.length === 0} emptyText={t('deals.empty')}>
        {(list) => {
          const titles = new Map(products.status === 'ready' ? products.data.map((p) => [p.id, p] as const) : []);
          return list.map((deal) => (
            <Deal key={deal.id} deal={deal} product={titles.get(deal.productId)} onChanged={reload} />
          ));
        }}
      </AsyncView>
    </View>
  );
}

function NewDeal({
  shopId,
  products,
  onCreated,
}: {
  shopId: string;
  products: ProductView[];
  onCreated: () => Promise<void>;
}) {
  const { t } = useI18n();
  const listed = products.filter((p) => p.status === 'listed');
  const [productId, setProductId] = useState<string | null>(null);
  const [groupSize, setGroupSize] = useState('3');
  const [windowHours, setWindowHours] = useState(String(GROUP_BUY_RULES.defaultWindowHours));
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const product = listed.find((p) => p.id === productId);
  const create = useAction(async () => {
    const checked = dealBody({ product, groupSize, windowHours, prices });
    setProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    await apiPost('/shops/{shopId}/group-deals', { path: { shopId }, body: checked.body });
    setProductId(null);
    setPrices({});
    await onCreated();
  });

  return (
    <View className="section" data-testid="deal-form">
      <Text className="section__title">{t('deals.new')}</Text>
      <Text className="muted">{t('deals.product')}</Text>
      <View className="chips">
        {listed.map((p) => (
          <View
            key={p.id}
            className={`chip ${p.id === productId ? 'chip--active' : ''}`}
            data-testid={`deal-product-${p.id}`}
            onClick={() => {
              setProductId(p.id);
              setPrices({});
            }}
          >
            {p.title}
          </View>
        ))}
      </View>
      <View className="field">
        <Text className="field__label">{t('deals.groupSize')}</Text>
        <Input
          className="field__input"
          type="number"
          data-testid="deal-size"
          value={groupSize}
          onInput={(e) => setGroupSize(e.detail.value)}
        />
      </View>
      <View className="field">
        <Text className="field__label">{t('deals.windowHours')}</Text>
        <Input
          className="field__input"
          type="number"
          data-testid="deal-hours"
          value={windowHours}
          onInput={(e) => setWindowHours(e.detail.value)}
        />
      </View>
      {product && (
        <>
          <Text className="muted">{t('deals.groupPrice')}</Text>
          {product.skus.map((sku) => (
            <View key={sku.id} className="field">
              <Text className="field__label">
                {skuLabel(sku.specs)} · {formatFen(sku.priceFen)}
              </Text>
              <YuanInput
                testId={`deal-price-${sku.id}`}
                value={prices[sku.id] ?? ''}
                onChange={(text) => setPrices((prev) => ({ ...prev, [sku.id]: text }))}
              />
            </View>
          ))}
        </>
      )}
      <FormError error={problem ?? create.error} testId="deal-error" />
      <View className="actions">
        <Button
          className="btn btn--primary btn--small"
          data-testid="deal-create"
          disabled={create.pending}
          onClick={() => void create.run()}
        >
          {t('deals.create')}
        </Button>
      </View>
    </View>
  );
}

function Deal({
  deal,
  product,
  onChanged,
}: {
  deal: GroupDealSummaryView;
  product?: ProductView;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [showTeams, setShowTeams] = useState(false);
  const end = useAction(async () => {
    await apiPatch('/group-deals/{id}', { path: { id: deal.id }, body: { status: 'ended' } });
    await onChanged();
  });
  const active = deal.status === 'active';
  const skuName = (skuId: string) => {
    const sku = product?.skus.find((s) => s.id === skuId);
    return sku ? skuLabel(sku.specs) : skuId.slice(0, 8);
  };

  return (
    <View className="section" data-testid={`deal-${deal.id}`}>
      <View className="row">
        <Text className="merchant-deals__title">{deal.productTitle}</Text>
        <Text className={`tag ${active ? 'tag--green' : 'tag--grey'}`} data-testid={`deal-status-${deal.id}`}>
          {active ? t('deals.active') : t('deals.ended')}
        </Text>
      </View>
      <Text className="muted">{t('deals.summary', { size: deal.groupSize, hours: deal.windowHours })}</Text>
      {deal.skus.map((s) => (
        <Text key={s.skuId} className="merchant-deals__price">
          {skuName(s.skuId)} · <Text className="price">{formatFen(s.groupPriceFen)}</Text>
        </Text>
      ))}
      <Text data-testid={`deal-counts-${deal.id}`}>
        {t('deals.counts', { open: deal.teams.open, formed: deal.teams.formed, failed: deal.teams.failed })}
      </Text>
      <FormError error={end.error} testId={`deal-error-${deal.id}`} />
      <View className="actions merchant-deals__actions">
        <Button
          className="btn btn--plain btn--small"
          data-testid={`deal-teams-${deal.id}`}
          onClick={() => setShowTeams((open) => !open)}
        >
          {t('deals.teams')}
        </Button>
        {active && (
          <Button
            className="btn btn--plain btn--small"
            data-testid={`deal-end-${deal.id}`}
            disabled={end.pending}
            onClick={() => void end.run()}
          >
            {t('deals.end')}
          </Button>
        )}
      </View>
      {showTeams && <DealTeams dealId={deal.id} />}
    </View>
  );
}
