import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** One message row: avatar, (in groups) the sender's name, and the bubble; mine on the right in green. */
export function ChatBubble({
  mine,
  senderName,
  showName,
  plain,
  children,
}: {
  mine: boolean;
  senderName: string;
  /** Group chats name the sender above the bubble. */
  showName: boolean;
  /** Cards (products, gifts) sit without the bubble's colour. */
  plain?: boolean;
  children: ReactNode;
}) {
  return (
    <View className={`chat-row ${mine ? 'chat-row--mine' : ''}`}>
      <View className="chat-row__avatar">
        <Text>{senderName.slice(0, 1)}</Text>
      </View>
      <View className="chat-row__body">
        {showName && !mine && <Text className="chat-row__name">{senderName}</Text>}
        <View className={`chat-bubble ${mine ? 'chat-bubble--mine' : ''} ${plain ? 'chat-bubble--plain' : ''}`}>
          {children}
        </View>
      </View>
    </View>
  );
}
