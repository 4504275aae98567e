import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { rememberUsers } from '../../api/session';
import { ChatMeta, ChatPreview } from '../../components/ChatPreview';
import { FriendRequests } from '../../components/FriendRequests';
import { AsyncView, StatusView } from '../../components/StatusView';
import { TabBar } from '../../components/TabBar';
import { useChats } from '../../hooks/useChats';
import { usePageTitle, useReloadOnShow } from '../../hooks/usePage';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import './index.scss';

/** 微信: friend requests waiting for the user, then their direct chats and groups. */
export default function ChatsPage() {
  const { t } = useI18n();
  usePageTitle('page.chats');
  const session = useSession();
  const chats = useChats();
  useReloadOnShow(chats.reload);

  // A direct chat's title is the friend's nickname: remember it to name them in groups.
  useEffect(() => {
    if (chats.status !== 'ready' || !session) return;
    rememberUsers(
      chats.data
        .filter((chat) => chat.type === 'direct')
        .flatMap((chat) =>
          chat.memberIds.filter((id) => id !== session.user.id).map((id) => ({ id, nickname: chat.title })),
        ),
    );
  }, [chats, session]);

  return (
    <View className="page chats">
      {!session ? (
        <View onClick={() => go(routes.login())}>
          <StatusView text={t('chats.loginFirst')} />
        </View>
      ) : (
        <>
          <FriendRequests onAccepted={() => void chats.reload({ silent: true })} />
          <AsyncView state={chats} isEmpty={(list) => list.length === 0} emptyText={t('chats.empty')}>
            {(list) => (
              <View className="chats__list">
                {list.map((chat) => (
                  <View
                    key={chat.id}
                    className="chats__item"
                    data-testid={`chat-${chat.id}`}
                    onClick={() => go(routes.chat(chat.id))}
                  >
                    <View className={`chats__avatar ${chat.type === 'group' ? 'chats__avatar--group' : ''}`}>
                      <Text>{chat.type === 'group' ? '👥' : chat.title.slice(0, 1)}</Text>
                    </View>
                    <View className="chats__body">
                      <Text className="chats__title">
                        {chat.title}
                        {chat.type === 'group' && <Text className="muted">（{chat.memberIds.length}）</Text>}
                      </Text>
                      <ChatPreview
                        chatId={chat.id}
                        last={chat.lastMessage}
                        fallback={chat.type === 'group' ? t('chats.group') : t('chats.direct')}
                      />
                    </View>
                    <ChatMeta chatId={chat.id} lastAt={chat.lastMessage?.createdAt} unread={chat.unreadCount ?? 0} />
                  </View>
                ))}
              </View>
            )}
          </AsyncView>
        </>
      )}
      <TabBar current="chats" />
    </View>
  );
}
