import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { formatFen, type ChatView, type MessageView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { knownNickname } from '../../api/session';
import { ChatBubble } from '../../components/ChatBubble';
import { systemText } from '../../components/ChatPreview';
import { FormError } from '../../components/FormError';
import { GiftCard } from '../../components/GiftCard';
import { TeamCard } from '../../components/TeamCard';
import { AsyncView } from '../../components/StatusView';
import { useAction } from '../../hooks/useApi';
import { useProduct } from '../../hooks/useCatalog';
import { useChat, useMessages } from '../../hooks/useChats';
import { usePolling, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin, useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/labels';
import { go, routes } from '../../routes';
import { GiftCardMessage } from './GiftCardMessage';
import './index.scss';

/** One chat: WeChat bubbles, product cards, gift cards, 节日礼券 and 拼团 cards; polls so the other side's sends appear. */
export default function ChatPage() {
  const { t } = useI18n();
  useRequireLogin();
  const chatId = useRouter().params.id;
  const chat = useChat(chatId);
  const messages = useMessages(chatId);
  useReloadOnShow(messages.reload);
  usePolling(() => void messages.reload({ silent: true }), 4000);

  // The navigation bar carries the chat's name, as in WeChat: 相亲相爱一家人（4）.
  const title =
    chat.status === 'ready'
      ? chat.data.title + (chat.data.type === 'group' ? `（${chat.data.memberIds.length}）` : '')
      : null;
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);
  // Follow the conversation down as messages arrive.
  const count = messages.status === 'ready' ? messages.data.length : 0;
  useEffect(() => {
    if (count) void Taro.pageScrollTo({ scrollTop: 1_000_000, duration: 0 }).catch(() => undefined);
  }, [count]);

  return (
    <View className="page chat">
      <AsyncView state={chat}>
        {(data) => (
          <>
            <View className="chat__messages" data-testid="chat-messages" data-title={data.title}>
              <AsyncView state={messages} isEmpty={(list) => list.length === 0} emptyText={t('chat.empty')}>
                {(list) =>
                  list.map((message) => (
                    <Message key={message.id} message={message} chat={data} notices={cardNotices(list, message)} />
                  ))
                }
              </AsyncView>
            </View>
            <Composer chat={data} onSent={() => messages.reload({ silent: true })} />
          </>
        )}
      </AsyncView>
    </View>
  );
}

/** How many notices of a 节日礼券 the chat holds (claimed, refunded): its card reloads when one arrives. */
function cardNotices(list: MessageView[], message: MessageView): number {
  if (message.type !== 'gift_card') return 0;
  return list.filter((m) => m.type === 'system' && m.giftCardId === message.giftCardId).length;
}

function Message({ message, chat, notices }: { message: MessageView; chat: ChatView; notices: number }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const mine = message.senderId === session?.user.id;
  if (message.type === 'system') {
    return (
      <View className="chat__system" data-testid={`system-${message.id}`}>
        <Text>{systemText(message, lang)}</Text>
      </View>
    );
  }
  const senderName = mine
    ? (session?.user.nickname ?? '')
    : chat.type === 'direct'
      ? chat.title
      : (knownNickname(message.senderId) ?? t('chat.member'));

  return (
    <View data-testid={`message-${message.id}`}>
      <ChatBubble mine={mine} senderName={senderName} showName={chat.type === 'group'} plain={message.type !== 'text'}>
        {message.type === 'text' && <Text>{message.text}</Text>}
        {message.type === 'gift' && message.giftId && <GiftCard giftId={message.giftId} wishMessage={message.text} />}
        {message.type === 'gift_card' && message.giftCardId && (
          <GiftCardMessage giftCardId={message.giftCardId} wishMessage={message.text} notices={notices} />
        )}
        {message.type === 'group_buy' && message.teamId && (
          <TeamCard teamId={message.teamId} scene={chat.type === 'group' ? 'group_chat' : 'chat'} />
        )}
        {message.type === 'product' && message.productId && (
          <ProductMessage
            productId={message.productId}
            scene={chat.type === 'group' ? 'group_chat' : 'chat'}
            sharer={message.senderId}
          />
        )}
      </ChatBubble>
      <Text className="chat__time">{formatTime(message.createdAt)}</Text>
    </View>
  );
}

/** A shared product (mini-program card); opening it records a chat-scene view with the sharer. */
function ProductMessage({
  productId,
  scene,
  sharer,
}: {
  productId: string;
  scene: 'chat' | 'group_chat';
  sharer: string;
}) {
  const { t } = useI18n();
  const product = useProduct(productId);
  return (
    <View
      className="chat__product"
      data-testid={`chat-product-${productId}`}
      onClick={() => go(routes.product(productId, scene, sharer))}
    >
      {product.status === 'ready' ? (
        <>
          <Text className="chat__product-title">{product.data.title}</Text>
          <Text className="price">{formatFen(product.data.priceFen)}</Text>
          <Text className="muted">{product.data.shopName}</Text>
        </>
      ) : (
        <Text className="muted">{product.status === 'loading' ? t('common.loading') : t('chat.productGone')}</Text>
      )}
      <Text className="chat__product-foot">{t('discover.miniProgram')}</Text>
    </View>
  );
}

/** The text box and 发送; in a direct chat also 送礼券 (a 节日礼券 for the friend). */
function Composer({ chat, onSent }: { chat: ChatView; onSent: () => Promise<void> }) {
  const { t } = useI18n();
  const chatId = chat.id;
  const [text, setText] = useState('');
  const send = useAction(async () => {
    await apiPost('/chats/{id}/messages', { path: { id: chatId }, body: { text: text.trim() } });
    setText('');
    await onSent();
  });
  return (
    <View className="chat__composer">
      <FormError error={send.error} testId="chat-error" />
      <View className="chat__composer-row">
        <Input
          className="chat__input"
          data-testid="chat-input"
          value={text}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => text.trim() && void send.run()}
          confirmType="send"
        />
        <Button
          className="btn btn--primary btn--small"
          data-testid="chat-send"
          disabled={!text.trim() || send.pending}
          onClick={() => void send.run()}
        >
          {t('chat.send')}
        </Button>
        {chat.type === 'direct' && (
          <Button
            className="btn btn--gift btn--small chat__card-action"
            data-testid="chat-send-card"
            onClick={() => go(routes.giftCardCompose(chatId))}
          >
            {t('chat.sendCard')}
          </Button>
        )}
      </View>
    </View>
  );
}
