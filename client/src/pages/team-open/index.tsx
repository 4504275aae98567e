import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ChatView, ProductView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { SeatForm } from '../../components/SeatForm';
import { AsyncView } from '../../components/StatusView';
import { dealPriceText } from '../../components/TeamCard/labels';
import { useProduct } from '../../hooks/useCatalog';
import { useChats } from '../../hooks/useChats';
import { usePageTitle } from '../../hooks/usePage';
import { useRequireLogin } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { routes } from '../../routes';
import './index.scss';

/**
 * 发起拼团: the SKU at its group price, the quantity, the address and, if the leader wants, a chat
 * to post the 拼团 card into once paid; then the leader's order, the pay sheet, and the team page.
 */
export default function TeamOpenPage() {
  usePageTitle('page.teamOpen');
  useRequireLogin();
  const params = useRouter().params;
  const product = useProduct(params.productId);
  const chats = useChats();

  return (
    <View className="page team-open">
      <AsyncView state={product}>
        {(data) => (
          <AsyncView state={chats}>
            {(list) => (
              <TeamOpenForm
                product={data}
                chats={list}
                skuId={params.skuId}
                quantity={Math.max(1, Number(params.qty) || 1)}
              />
            )}
          </AsyncView>
        )}
      </AsyncView>
    </View>
  );
}

function TeamOpenForm(props: { product: ProductView; chats: ChatView[]; skuId?: string; quantity: number }) {
  const { t } = useI18n();
  const { product, chats } = props;
  const deal = product.groupDeal;
  const [chatId, setChatId] = useState<string | null>(null);
  const chat = chats.find((c) => c.id === chatId);

  if (!deal) return <Text className="form-error">{t('team.noDeal')}</Text>;

  return (
    <>
      <View className="section team-open__product">
        <Text className="team-open__title">{product.title}</Text>
        <Text className="muted" data-testid="team-open-deal">
          {dealPriceText(deal)}
        </Text>
      </View>
      <SeatForm
        skus={product.skus}
        prices={deal.skus}
        initialSkuId={props.skuId}
        initialQuantity={props.quantity}
        payee={product.shopName}
        submitLabel={t('team.submit')}
        submitTestId="team-open-submit"
        place={(seat, idempotencyKey) =>
          apiPost('/group-buys', {
            body: {
              dealId: deal.id,
              ...seat,
              ...(chat ? { chatId: chat.id, scene: chat.type === 'group' ? 'group_chat' : 'chat' } : {}),
            },
            idempotencyKey,
          })
        }
        onPaid={async (order) => {
          await Taro.redirectTo({ url: routes.team(order.teamId) });
        }}
      >
        <View className="section">
          <Text className="section__title">{t('team.chat')}</Text>
          <View className="chips" role="radiogroup">
            {chats.map((c) => (
              <View
                key={c.id}
                className={`chip ${c.id === chatId ? 'chip--active' : ''}`}
                role="radio"
                aria-checked={c.id === chatId}
                data-testid={`team-chat-${c.id}`}
                // A second tap takes the choice back: the chat is optional.
                onClick={() => setChatId(c.id === chatId ? null : c.id)}
              >
                {c.type === 'group' ? `👥 ${c.title}（${c.memberIds.length}）` : `👤 ${c.title}`}
              </View>
            ))}
          </View>
          {chats.length === 0 && <Text className="muted">{t('chats.empty')}</Text>}
        </View>
      </SeatForm>
    </>
  );
}
