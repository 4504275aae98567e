import { View } from '@tarojs/components';
import type { ChatView } from '@giftshop/shared';

/** A friend's or a group's chat to send the gift to (`compose-chat-<chatId>`). */
export function ChatChip({ chat, active, onPick }: { chat: ChatView; active: boolean; onPick: (id: string) => void }) {
  return (
    <View
      className={`chip ${active ? 'chip--active' : ''}`}
      role="radio"
      aria-checked={active}
      data-testid={`compose-chat-${chat.id}`}
      onClick={() => onPick(chat.id)}
    >
      {chat.type === 'group' ? `👥 ${chat.title}（${chat.memberIds.length}）` : `👤 ${chat.title}`}
    </View>
  );
}
