import type { ChatView, MessageView } from '@giftshop/shared';
import { useReloadAfterWrite, useUserApi } from './useApi';

/** The caller's chats: direct chats with friends and groups. */
export function useChats() {
  return useUserApi<ChatView[]>('/chats');
}

export function useChat(chatId: string | undefined) {
  return useUserApi<ChatView>(chatId ? `/chats/${chatId}` : null);
}

/** The latest messages of a chat, oldest first. */
export function useMessages(chatId: string | undefined) {
  const messages = useUserApi<MessageView[]>(chatId ? `/chats/${chatId}/messages?limit=100` : null);
  // A claim, decline or entry posts a notice into the gift's chat: show it at once.
  useReloadAfterWrite(chatId ? '/gifts/' : null, messages.reload);
  return messages;
}
