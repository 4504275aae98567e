import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen, GIFT_CARD_THEMES, type GiftCardDesignFiguresView } from '@giftshop/shared';
import { FormError } from '../../components/FormError';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { YuanInput } from '../../components/YuanInput';
import { useAction } from '../../hooks/useApi';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { createDesign, endDesign, useGiftCardDesignFigures } from '../gift-card/api';
import { THEME_ICONS, themeName } from '../gift-card/labels';
import { designBody, type DesignForm } from './rules';
import './index.scss';

/** 节日礼券: create a card design of the shop, see what each sold, was claimed and spent; withdraw one. */
export default function MerchantGiftCardsPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantGiftCards');
  useRequireLogin();
  const shopId = useRouter().params.shopId ?? '';
  const designs = useGiftCardDesignFigures(shopId);
  useReloadOnShow(designs.reload);
  const reload = () => designs.reload({ silent: true });

  return (
    <View className="page merchant-gift-cards">
      <View className="section">
        <ShopName shopId={shopId} />
      </View>
      <NewDesign shopId={shopId} onCreated={reload} />
      <AsyncView state={designs} isEmpty={(list) => list.length === 0} emptyText={t('cardDesigns.empty')}>
        {(list) => list.map((design) => <Design key={design.id} design={design} onChanged={reload} />)}
      </AsyncView>
    </View>
  );
}

const EMPTY_FORM = (): DesignForm => ({ title: '', theme: 'plain', faceValue: '', validDays: '365' });

function NewDesign({ shopId, onCreated }: { shopId: string; onCreated: () => Promise<void> }) {
  const { t } = useI18n();
  const [form, setForm] = useState<DesignForm>(EMPTY_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<DesignForm>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setProblem(null);
  };
  const create = useAction(async () => {
    const checked = designBody(form);
    setProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    await createDesign(shopId, checked.body);
    setForm(EMPTY_FORM());
    await onCreated();
  });

  return (
    <View className="section" data-testid="design-form">
      <Text className="section__title">{t('cardDesigns.new')}</Text>
      <View className="field">
        <Text className="field__label">{t('cardDesigns.title')}</Text>
        <Input
          className="field__input"
          data-testid="design-title"
          aria-label={t('cardDesigns.title')}
          value={form.title}
          onInput={(e) => set({ title: e.detail.value })}
        />
      </View>
      <Text className="muted">{t('cardDesigns.theme')}</Text>
      <View className="chips" role="radiogroup">
        {GIFT_CARD_THEMES.map((theme) => (
          <View
            key={theme}
            className={`chip ${form.theme === theme ? 'chip--active' : ''}`}
            role="radio"
            aria-checked={form.theme === theme}
            data-testid={`design-theme-${theme}`}
            onClick={() => set({ theme })}
          >
            {THEME_ICONS[theme]} {themeName(theme)}
          </View>
        ))}
      </View>
      <View className="field">
        <Text className="field__label">{t('cardDesigns.faceValueField')}</Text>
        <YuanInput testId="design-face-value" value={form.faceValue} onChange={(faceValue) => set({ faceValue })} />
      </View>
      <View className="field">
        <Text className="field__label">{t('cardDesigns.validDaysField')}</Text>
        <Input
          className="field__input"
          type="number"
          data-testid="design-valid-days"
          aria-label={t('cardDesigns.validDaysField')}
          value={form.validDays}
          onInput={(e) => set({ validDays: e.detail.value })}
        />
      </View>
      <FormError error={problem ?? create.error} testId="design-error" />
      <View className="actions">
        <Button
          className="btn btn--primary btn--small"
          data-testid="design-create"
          disabled={create.pending}
          onClick={() => void create.run()}
        >
          {t('cardDesigns.create')}
        </Button>
      </View>
    </View>
  );
}

function Design({ design, onChanged }: { design: GiftCardDesignFiguresView; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const end = useAction(async () => {
    await endDesign(design.id);
    await onChanged();
  });
  const active = design.status === 'active';

  return (
    <View className="section" data-testid={`design-${design.id}`}>
      <View className="row">
        <Text className="merchant-gift-cards__title">
          {THEME_ICONS[design.theme]} {design.title}
        </Text>
        <Text className={`tag ${active ? 'tag--green' : 'tag--grey'}`} data-testid={`design-status-${design.id}`}>
          {active ? t('cardDesigns.active') : t('cardDesigns.ended')}
        </Text>
      </View>
      <Text className="merchant-gift-cards__line">
        {themeName(design.theme)} · <Text className="price">{formatFen(design.faceValueFen)}</Text> ·{' '}
        {t('giftCard.validDays', { n: design.validDays })}
      </Text>
      <Text className="merchant-gift-cards__line" data-testid={`design-counts-${design.id}`}>
        {t('cardDesigns.counts', {
          sold: design.sold,
          claimed: design.claimed,
          refunded: design.refunded,
          waiting: design.waiting,
        })}
      </Text>
      <Text className="merchant-gift-cards__line" data-testid={`design-money-${design.id}`}>
        {t('cardDesigns.money', {
          claimed: formatFen(design.claimedFen),
          redeemed: formatFen(design.redeemedFen),
          outstanding: formatFen(design.outstandingFen),
        })}
      </Text>
      <FormError error={end.error} testId={`design-error-${design.id}`} />
      {active && (
        <View className="actions">
          <Button
            className="btn btn--plain btn--small"
            data-testid={`design-end-${design.id}`}
            disabled={end.pending}
            onClick={() => void end.run()}
          >
            {t('cardDesigns.end')}
          </Button>
        </View>
      )}
    </View>
  );
}
