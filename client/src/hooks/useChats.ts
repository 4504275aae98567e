import type { ChatView, MessageView } from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useReloadAfterWrite, useUserApi, type ApiState } from './useApi';

/** The caller's chats: direct chats with friends and groups. */
export function useChats(): ApiState<ChatView[]> {
  return useUserApi(apiUrl('/chats'));
}

export function useChat(chatId: string | undefined): ApiState<ChatView> {
  return useUserApi(chatId ? apiUrl('/chats/{id}', { path: { id: chatId } }) : null);
}

/** The latest messages of a chat, oldest first. */
export function useMessages(chatId: string | undefined): ApiState<MessageView[]> {
  const messages = useUserApi(
    chatId ? apiUrl('/chats/{id}/messages', { path: { id: chatId }, query: { limit: 100 } }) : null,
  );
  // A claim, decline or entry posts a notice into the gift's chat: show it at once.
  useReloadAfterWrite(chatId ? '/gifts/' : null, messages.reload);
  return messages;
}
