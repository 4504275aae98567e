import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatFen } from '@giftshop/shared';
import { AsyncView } from '../../components/StatusView';
import { usePageTitle } from '../../hooks/usePage';
import { useSearch } from '../../hooks/useSearch';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import './index.scss';

/** 搜一搜: ranked results; opening one records a `search` view of the product. */
export default function SearchPage() {
  const { t } = useI18n();
  usePageTitle('page.search');
  const initial = decodeURIComponent(useRouter().params.q ?? '');
  const [text, setText] = useState(initial);
  const [q, setQ] = useState(initial);
  const results = useSearch(q);

  return (
    <View className="page search">
      <View className="search__bar">
        <Input
          className="search__input"
          data-testid="search-input"
          aria-label={t('search.placeholder')}
          value={text}
          placeholder={t('search.placeholder')}
          confirmType="search"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => setQ(text)}
        />
        <Button className="btn btn--primary btn--small" data-testid="search-submit" onClick={() => setQ(text)}>
          {t('search.submit')}
        </Button>
      </View>
      {q.trim() ? (
        <AsyncView
          state={results}
          isEmpty={(page) => page.items.length === 0}
          emptyText={t('search.noResults', { q })}
          errorText={(status, message) => (status === 404 ? t('search.unavailable') : message)}
        >
          {(page) => (
            <View className="section search__results">
              <Text className="muted">{t('search.total', { n: page.total })}</Text>
              {page.items.map((hit, rank) => (
                <View
                  key={hit.productId}
                  className="search__hit"
                  data-testid={`search-result-${hit.productId}`}
                  onClick={() => go(routes.product(hit.productId, 'search'))}
                >
                  <Text className="search__rank">{rank + 1}</Text>
                  <View className="search__hit-body">
                    <Text className="search__hit-title">{hit.title}</Text>
                  </View>
                  <View className="search__hit-side">
                    <Text className="price">{formatFen(hit.priceFen)}</Text>
                    <Text className="muted">{t('search.score', { score: hit.score.toFixed(3) })}</Text>
                  </View>
                </View>
              ))}
            </View>
          )}
        </AsyncView>
      ) : (
        <Text className="muted search__tip">{t('search.tip')}</Text>
      )}
    </View>
  );
}
