import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ShopName } from '../../components/ShopSwitcher';
import { AsyncView } from '../../components/StatusView';
import { useShopProducts } from '../../hooks/useCatalog';
import { usePageTitle } from '../../hooks/usePage';
import { useSearch, useSearchExplain } from '../../hooks/useSearch';
import { useRequireLogin } from '../../hooks/useSession';
import { translate, useI18n, type MessageKey } from '../../i18n';
import { MESSAGES } from '../../i18n/messages';
import './index.scss';

/** A factor's value as text: numbers rounded, nested details as compact JSON. */
function factorText(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A factor's name as the merchant reads it (商品私域订单), or its code when the client does not know it. */
function factorName(name: string): string {
  const key = `explainFactor.${name}`;
  return key in MESSAGES ? translate(key as MessageKey) : name;
}

/** 搜索解释: where the shop's products rank for a query, and each factor of one product's score. */
export default function MerchantSearchPage() {
  const { t } = useI18n();
  usePageTitle('page.merchantSearch');
  useRequireLogin();
  const shopId = useRouter().params.shopId;
  const products = useShopProducts(shopId);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [productId, setProductId] = useState<string | undefined>(undefined);
  const results = useSearch(q);
  const explain = useSearchExplain(q, productId);
  const unavailable = (status: number, message: string) => (status === 404 ? t('search.unavailable') : message);

  return (
    <View className="page merchant-search-page">
      <View className="section">
        {shopId && <ShopName shopId={shopId} />}
        <View className="field">
          <Input
            className="field__input"
            data-testid="explain-query"
            value={text}
            placeholder={t('search.placeholder')}
            onInput={(e) => setText(e.detail.value)}
          />
          <Button className="btn btn--primary btn--small" data-testid="explain-submit" onClick={() => setQ(text)}>
            {t('search.submit')}
          </Button>
        </View>
        <Text className="section__title">{t('explain.pickProduct')}</Text>
        {products.status === 'ready' && (
          <View className="chips">
            {products.data.map((p) => (
              <View
                key={p.id}
                className={`chip ${productId === p.id ? 'chip--active' : ''}`}
                data-testid={`explain-product-${p.id}`}
                onClick={() => setProductId(p.id)}
              >
                {p.title}
              </View>
            ))}
          </View>
        )}
      </View>

      {q.trim() && productId && (
        <AsyncView state={explain} errorText={unavailable}>
          {(data) => (
            <View className="section" data-testid="explain-result">
              <Text className="section__title">{t('explain.score', { score: factorText(data.score) })}</Text>
              {!data.matches && <Text className="form-error">{t('explain.noMatch')}</Text>}
              <Text className="muted" data-testid="explain-formula">
                {t('explain.formula', {
                  productCap: data.caps.product,
                  shopCap: data.caps.shop,
                  conversionWeight: data.conversion.weight,
                })}
              </Text>
              <View className="row">
                <Text className="row__label">{t('explain.tokens')}</Text>
                <Text>{data.tokens.join(' · ')}</Text>
              </View>
              <View className="row">
                <Text className="row__label">{t('explain.relevance')}</Text>
                <Text>{factorText(data.relevance)}</Text>
              </View>
              <View className="row">
                <Text className="row__label">{t('explain.boost')}</Text>
                <Text>{factorText(data.boost)}</Text>
              </View>
              <View className="row">
                <Text className="row__label">{t('explain.conversion')}</Text>
                <Text>
                  {data.conversion.orders}/{data.conversion.views} = {factorText(data.conversion.rate)} ×{' '}
                  {factorText(data.conversion.weight)}
                </Text>
              </View>
              <View className="row">
                <Text className="row__label">{t('explain.factor')}</Text>
                <Text className="row__label">{t('explain.valueWeight')}</Text>
              </View>
              {Object.entries(data.factors).map(([name, factor]) => (
                <View key={name} className="row" data-testid={`explain-factor-${name}`}>
                  <Text>{factorName(name)}</Text>
                  <Text>
                    {factorText(factor.value)} × {factorText(factor.weight)} = {factorText(factor.contribution)}
                  </Text>
                </View>
              ))}
              <Text className="muted">{t('explain.halfLife', { days: data.halfLifeDays })}</Text>
            </View>
          )}
        </AsyncView>
      )}

      {q.trim() && (
        <AsyncView
          state={results}
          errorText={unavailable}
          isEmpty={(page) => page.items.length === 0}
          emptyText={t('search.noResults', { q })}
        >
          {(page) => (
            <View className="section">
              <Text className="section__title">{t('explain.ranking')}</Text>
              {page.items.map((hit, rank) => (
                <View key={hit.productId} className="row" data-testid={`explain-rank-${hit.productId}`}>
                  <Text className={hit.shopId === shopId ? 'price' : ''}>
                    {rank + 1}. {hit.title}
                  </Text>
                  <Text className="muted">{factorText(hit.score)}</Text>
                </View>
              ))}
            </View>
          )}
        </AsyncView>
      )}
    </View>
  );
}
