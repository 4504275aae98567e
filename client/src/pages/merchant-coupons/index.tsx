import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CouponFiguresView, CouponType, ProductView } from '@giftshop/shared';
import { FormError } from '../../components/FormError';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { YuanInput } from '../../components/YuanInput';
import { useAction } from '../../hooks/useApi';
import { useShopProducts } from '../../hooks/useCatalog';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n, type MessageKey } from '../../i18n';
import { createCoupon, endCoupon, useCouponFigures } from './api';
import { couponFiguresText, couponScheduleText, couponTermsText } from './labels';
import { couponBody, type CouponForm } from './rules';
import './index.scss';

/** 优惠券: issue a coupon of the shop, see each one's claims, uses and discounts, end one. */
export default function MerchantCouponsPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantCoupons');
  useRequireLogin();
  const shopId = useRouter().params.shopId ?? '';
  const coupons = useCouponFigures(shopId);
  const products = useShopProducts(shopId);
  useReloadOnShow(coupons.reload);
  const reload = () => coupons.reload({ silent: true });

  return (
    <View className="page merchant-coupons">
      <View className="section">
        <ShopName shopId={shopId} />
      </View>
      <AsyncView state={products}>
        {(list) => <NewCoupon shopId={shopId} products={list} onCreated={reload} />}
      </AsyncView>
      <AsyncView state={coupons} isEmpty={(list) => list.length === 0} emptyText={t('coupons.empty')}>
        {(list) => list.map((coupon) => <Coupon key={coupon.id} coupon={coupon} onChanged={reload} />)}
      </AsyncView>
    </View>
  );
}

/** A month from today, as the claim deadline's first value. */
function inAMonth(): string {
  const date = new Date(Date.now() + 30 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const EMPTY_FORM = (): CouponForm => ({
  title: '',
  type: 'amount_off',
  amountOff: '',
  zhe: '',
  cap: '',
  minSpend: '',
  productIds: [],
  total: '100',
  perUserLimit: '1',
  claimEndsOn: inAMonth(),
  validDays: '30',
});

const TYPES: { type: CouponType; label: MessageKey }[] = [
  { type: 'amount_off', label: 'coupons.amountOff' },
  { type: 'percent_off', label: 'coupons.percentOff' },
];

function NewCoupon({
  shopId,
  products,
  onCreated,
}: {
  shopId: string;
  products: ProductView[];
  onCreated: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<CouponForm>(EMPTY_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<CouponForm>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setProblem(null);
  };
  const toggleProduct = (id: string) =>
    set({
      productIds: form.productIds.includes(id) ? form.productIds.filter((p) => p !== id) : [...form.productIds, id],
    });
  const create = useAction(async () => {
    const checked = couponBody(form, new Date());
    setProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    await createCoupon(shopId, checked.body);
    setForm(EMPTY_FORM());
    await onCreated();
  });
  const text = (label: MessageKey, key: keyof CouponForm, testId: string, type: 'text' | 'number' = 'text') => (
    <View className="field">
      <Text className="field__label">{t(label)}</Text>
      <Input
        className="field__input"
        type={type}
        data-testid={testId}
        aria-label={t(label)}
        value={String(form[key])}
        onInput={(e) => set({ [key]: e.detail.value })}
      />
    </View>
  );
  const yuan = (label: MessageKey, key: 'amountOff' | 'cap' | 'minSpend', testId: string) => (
    <View className="field">
      <Text className="field__label">{t(label)}</Text>
      <YuanInput testId={testId} value={form[key]} onChange={(value) => set({ [key]: value })} />
    </View>
  );

  return (
    <View className="section" data-testid="coupon-form">
      <Text className="section__title">{t('coupons.new')}</Text>
      {text('coupons.title', 'title', 'coupon-title')}
      <View className="chips" role="radiogroup">
        {TYPES.map(({ type, label }) => (
          <View
            key={type}
            className={`chip ${form.type === type ? 'chip--active' : ''}`}
            role="radio"
            aria-checked={form.type === type}
            data-testid={`coupon-type-${type}`}
            onClick={() => set({ type })}
          >
            {t(label)}
          </View>
        ))}
      </View>
      {form.type === 'amount_off' ? (
        yuan('coupons.amountField', 'amountOff', 'coupon-amount')
      ) : (
        <>
          {text('coupons.zheField', 'zhe', 'coupon-zhe')}
          {yuan('coupons.capField', 'cap', 'coupon-cap')}
        </>
      )}
      {yuan('coupons.minSpendField', 'minSpend', 'coupon-min-spend')}
      <Text className="muted">{t('coupons.products')}</Text>
      <View className="chips">
        {products.map((p) => (
          <View
            key={p.id}
            className={`chip ${form.productIds.includes(p.id) ? 'chip--active' : ''}`}
            data-testid={`coupon-product-${p.id}`}
            onClick={() => toggleProduct(p.id)}
          >
            {p.title}
          </View>
        ))}
      </View>
      {text('coupons.totalField', 'total', 'coupon-total', 'number')}
      {text('coupons.perUserField', 'perUserLimit', 'coupon-per-user', 'number')}
      {text('coupons.claimEndsField', 'claimEndsOn', 'coupon-claim-ends')}
      {text('coupons.validDaysField', 'validDays', 'coupon-valid-days', 'number')}
      <FormError error={problem ?? create.error} testId="coupon-error" />
      <View className="actions">
        <Button
          className="btn btn--primary btn--small"
          data-testid="coupon-create"
          disabled={create.pending}
          onClick={() => void create.run()}
        >
          {t('coupons.create')}
        </Button>
      </View>
    </View>
  );
}

function Coupon({ coupon, onChanged }: { coupon: CouponFiguresView; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const end = useAction(async () => {
    await endCoupon(coupon.id);
    await onChanged();
  });
  const active = coupon.status === 'active';

  return (
    <View className="section" data-testid={`coupon-${coupon.id}`}>
      <View className="row">
        <Text className="merchant-coupons__title">{coupon.title}</Text>
        <Text className={`tag ${active ? 'tag--green' : 'tag--grey'}`} data-testid={`coupon-status-${coupon.id}`}>
          {active ? t('coupons.active') : t('coupons.ended')}
        </Text>
      </View>
      <Text className="merchant-coupons__line" data-testid={`coupon-terms-${coupon.id}`}>
        {couponTermsText(coupon)}
      </Text>
      <Text className="muted merchant-coupons__line">{couponScheduleText(coupon)}</Text>
      <Text className="merchant-coupons__line" data-testid={`coupon-figures-${coupon.id}`}>
        {couponFiguresText(coupon)}
      </Text>
      <FormError error={end.error} testId={`coupon-error-${coupon.id}`} />
      {active && (
        <View className="actions">
          <Button
            className="btn btn--plain btn--small"
            data-testid={`coupon-end-${coupon.id}`}
            disabled={end.pending}
            onClick={() => void end.run()}
          >
            {t('coupons.end')}
          </Button>
        </View>
      )}
    </View>
  );
}
